using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using WidgetPlatform.Data.Compute.Pages;

namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>
/// Reads a PLAIN-encoded DOUBLE column chunk straight into a vector's doubles: the chunk is read in one go, each page is
/// decompressed into a reused buffer, and its values are copied bit for bit into their rows (null rows are only marked).
/// Parquet.Net's own path decompresses into fresh buffers and copies twice, which made double measures several times slower
/// than the other columns. Any chunk <see cref="PageWalker"/> cannot walk, or with another encoding, is left to Parquet.Net.
/// </summary>
internal static class PlainDoubleReader
{
    private const int PlainEncoding = 0;

    /// <summary>False when the chunk is not one this reader handles; <paramref name="target"/> must then be filled another way.</summary>
    /// <exception cref="InvalidDataException">The chunk is corrupt.</exception>
    public static bool TryRead(SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target)
    {
        // Values are copied as they lie in the file, which is little-endian.
        if (!BitConverter.IsLittleEndian || ColumnChunkBytes.Walkable(rowGroup.GetMetadata(field), field) is not { } meta || meta.Type != Parquet.Meta.Type.DOUBLE
            || meta.Encodings.Exists(encoding => encoding is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY))
        {
            return false;
        }

        var bytes = ColumnChunkBytes.Rent(file, meta, out var length);
        try
        {
            return Read(bytes.AsSpan(0, length), meta.Codec, field.MaxDefinitionLevel == 1, rows, target);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Reads a whole chunk already in memory; false at the first page this reader does not handle.</summary>
    /// <exception cref="InvalidDataException">The chunk is corrupt.</exception>
    public static bool Read(ReadOnlySpan<byte> chunk, CompressionCodec codec, bool nullable, int rows, ColumnVector target)
    {
        var pages = new PageWalker(chunk, codec, nullable, rows);
        try
        {
            var nulls = 0;
            while (true)
            {
                switch (pages.Next())
                {
                    case PageKind.End:
                        target.HasNulls = nulls > 0;
                        return true;
                    case PageKind.Data when pages.Encoding == PlainEncoding:
                        Place(pages.Values, pages.Levels, pages.FirstRow, pages.Count, pages.Present, target);
                        nulls += pages.Count - pages.Present;
                        break;
                    default:
                        // A dictionary (the chunk's metadata did not list it), another encoding, or levels the walker cannot decode.
                        return false;
                }
            }
        }
        finally
        {
            pages.Dispose();
        }
    }

    /// <summary>Copies a page's values into rows [first, first + count); null rows keep whatever their slot held and are marked in the nulls.</summary>
    private static void Place(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, ColumnVector target)
    {
        if (values.Length < (long)present * sizeof(double))
        {
            throw new InvalidDataException($"A data page holds {values.Length} bytes of values, too few for its {present} doubles.");
        }

        var source = MemoryMarshal.Cast<byte, double>(values[..(present * sizeof(double))]);
        var doubles = target.Doubles.AsSpan(first, count);
        var nulls = target.Nulls.AsSpan(first, count);
        if (present == count)
        {
            source.CopyTo(doubles);
            nulls.Clear();
            return;
        }

        var next = 0;
        for (var index = 0; index < count; index++)
        {
            var isNull = levels[index] == 0;
            nulls[index] = isNull;
            if (!isNull)
            {
                doubles[index] = source[next++];
            }
        }
    }
}
