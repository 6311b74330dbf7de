using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;
using WidgetPlatform.Data.Compute.Dictionary;
using WidgetPlatform.Data.Compute.Plain;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Reads one column chunk into a <see cref="ColumnVector"/>: dictionary-encoded strings and plain values of every other kind straight from their pages
/// when <c>file</c> is given and the chunk allows it, everything else with Parquet.Net's raw API (values without nulls plus definition levels).
/// </summary>
internal static class ColumnDecoder
{
    public static async ValueTask DecodeAsync(
        ParquetRowGroupReader rowGroup,
        DataField field,
        ColumnKind kind,
        int rows,
        ColumnVector target,
        StringInterner? interner,
        SafeFileHandle? file,
        CancellationToken cancellationToken,
        Func<ValueTask<ParquetRowGroupReader>>? ownRowGroup = null)
    {
        target.EnsureCapacity(kind, rows);
        if (file is not null && kind switch
            {
                ColumnKind.String => DictionaryStringReader.TryRead(file, rowGroup, field, rows, target, interner!),
                ColumnKind.Double => PlainDoubleReader.TryRead(file, rowGroup, field, rows, target),
                ColumnKind.Int32 => PlainInt32Reader.TryRead(file, rowGroup, field, rows, target, dates: false),
                ColumnKind.Date => PlainInt32Reader.TryRead(file, rowGroup, field, rows, target, dates: true),
                ColumnKind.Int64 => PlainInt64Reader.TryRead(file, rowGroup, field, rows, target, timestamp: false),
                ColumnKind.Timestamp => PlainInt64Reader.TryRead(file, rowGroup, field, rows, target, timestamp: true),
                ColumnKind.Boolean => PlainBooleanReader.TryRead(file, rowGroup, field, rows, target),
                _ => false,
            })
        {
            return;
        }

        // Parquet.Net reads through its reader's stream: a reader shared for its metadata is not read from here.
        if (ownRowGroup is not null)
        {
            rowGroup = await ownRowGroup();
        }

        var definitionLevels = field.IsNullable ? ArrayPool<int>.Shared.Rent(rows) : null;
        try
        {
            switch (kind)
            {
                case ColumnKind.String:
                    await DecodeStringsAsync(rowGroup, field, rows, target, interner!, definitionLevels, cancellationToken);
                    break;
                case ColumnKind.Int32:
                    await DecodeAsync<int>(rowGroup, field, rows, target, definitionLevels, cancellationToken);
                    break;
                case ColumnKind.Int64:
                    await DecodeAsync<long>(rowGroup, field, rows, target, definitionLevels, cancellationToken);
                    break;
                case ColumnKind.Double:
                    await DecodeAsync<double>(rowGroup, field, rows, target, definitionLevels, cancellationToken);
                    break;
                case ColumnKind.Boolean:
                    await DecodeAsync<bool>(rowGroup, field, rows, target, definitionLevels, cancellationToken);
                    break;
                case ColumnKind.Date:
                    await DecodeAsync<DateOnly>(rowGroup, field, rows, target, definitionLevels, cancellationToken);
                    break;
                case ColumnKind.Timestamp:
                    await DecodeAsync<DateTime>(rowGroup, field, rows, target, definitionLevels, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        }
        finally
        {
            if (definitionLevels is not null)
            {
                ArrayPool<int>.Shared.Return(definitionLevels);
            }
        }
    }

    private static async ValueTask DecodeAsync<T>(
        ParquetRowGroupReader rowGroup,
        DataField field,
        int rows,
        ColumnVector target,
        int[]? definitionLevels,
        CancellationToken cancellationToken)
        where T : struct
    {
        var values = ArrayPool<T>.Shared.Rent(rows);
        try
        {
            await rowGroup.ReadRawAsync<T>(field, values.AsMemory(0, rows), definitionLevels?.AsMemory(0, rows), null, cancellationToken);
            Expand(values, rows, target, definitionLevels);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values);
        }
    }

    private static void Expand<T>(T[] values, int rows, ColumnVector target, int[]? definitionLevels)
        where T : struct
    {
        if (definitionLevels is null)
        {
            target.HasNulls = false;
            for (var row = 0; row < rows; row++)
            {
                Store(values[row], target, row);
            }

            return;
        }

        var next = 0;
        var nulls = target.Nulls;
        for (var row = 0; row < rows; row++)
        {
            var isNull = definitionLevels[row] == 0;
            nulls[row] = isNull;
            if (!isNull)
            {
                Store(values[next++], target, row);
            }
        }

        target.HasNulls = next < rows;
    }

    // typeof(T) tests on a struct T are constants to the JIT, so each instantiation compiles to a single store.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(T value, ColumnVector target, int row)
        where T : struct
    {
        if (typeof(T) == typeof(double))
        {
            target.Doubles[row] = Unsafe.As<T, double>(ref value);
        }
        else if (typeof(T) == typeof(int))
        {
            target.Longs[row] = Unsafe.As<T, int>(ref value);
        }
        else if (typeof(T) == typeof(long))
        {
            target.Longs[row] = Unsafe.As<T, long>(ref value);
        }
        else if (typeof(T) == typeof(bool))
        {
            target.Longs[row] = Unsafe.As<T, bool>(ref value) ? 1 : 0;
        }
        else if (typeof(T) == typeof(DateOnly))
        {
            target.Longs[row] = Unsafe.As<T, DateOnly>(ref value).DayNumber;
        }
        else if (typeof(T) == typeof(DateTime))
        {
            target.Longs[row] = Unsafe.As<T, DateTime>(ref value).Ticks;
        }
        else
        {
            throw new NotSupportedException(typeof(T).Name);
        }
    }

    private static async ValueTask DecodeStringsAsync(
        ParquetRowGroupReader rowGroup,
        DataField field,
        int rows,
        ColumnVector target,
        StringInterner interner,
        int[]? definitionLevels,
        CancellationToken cancellationToken)
    {
        var values = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(rows);
        try
        {
            await rowGroup.ReadRawAsync<ReadOnlyMemory<char>>(field, values.AsMemory(0, rows), definitionLevels?.AsMemory(0, rows), null, cancellationToken);
            interner.ForgetBuffers();
            var ids = target.Ids;
            var nulls = target.Nulls;
            var next = 0;
            for (var row = 0; row < rows; row++)
            {
                var isNull = definitionLevels is not null && definitionLevels[row] == 0;
                nulls[row] = isNull;
                ids[row] = isNull ? -1 : interner.IdOf(values[next++]);
            }

            target.HasNulls = next < rows;
        }
        finally
        {
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(values, clearArray: true);
        }
    }
}
