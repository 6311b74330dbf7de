using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>
/// PLAIN-encoded BOOLEAN chunks (one bit per value, least significant bit first) straight into a vector's longs as 0/1
/// (<see cref="PlainChunkReader"/>). Booleans are filter columns; Parquet.Net's path allocated a page-sized buffer per page.
/// </summary>
internal static class PlainBooleanReader
{
    /// <inheritdoc cref="PlainChunkReader.TryRead"/>
    public static bool TryRead(SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target) =>
        PlainChunkReader.TryRead(file, rowGroup, field, rows, target, Parquet.Meta.Type.BOOLEAN, Place);

    private static void Place(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, ColumnVector target)
    {
        if (values.Length < ((long)present + 7) / 8)
        {
            throw new InvalidDataException($"A data page holds {values.Length} bytes of values, too few for its {present} booleans.");
        }

        var longs = target.Longs.AsSpan(first, count);
        var nulls = target.Nulls.AsSpan(first, count);
        var next = 0;
        for (var index = 0; index < count; index++)
        {
            var isNull = present < count && levels[index] == 0;
            nulls[index] = isNull;
            if (!isNull)
            {
                longs[index] = (values[next >> 3] >> (next & 7)) & 1;
                next++;
            }
        }
    }
}
