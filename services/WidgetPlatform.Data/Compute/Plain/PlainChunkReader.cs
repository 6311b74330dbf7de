using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using WidgetPlatform.Data.Compute.Pages;

namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>Copies one data page's values into rows [first, first + count) of a vector; null rows are only marked.</summary>
internal delegate void PlainPagePlacer(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, ColumnVector target);

/// <summary>
/// Reads a PLAIN-encoded column chunk of fixed-width values straight into a vector: the chunk is read in one go, each page
/// is decompressed into a reused buffer, and a placer per value type copies its values into their rows. Parquet.Net's own
/// path decompresses into fresh buffers and copies twice. Any chunk <see cref="PageWalker"/> cannot walk, of another
/// physical type, or with another encoding, is left to Parquet.Net.
/// </summary>
internal static class PlainChunkReader
{
    private const int PlainEncoding = 0;

    /// <summary>False when the chunk is not one this reader handles; <paramref name="target"/> must then be filled another way.</summary>
    /// <exception cref="InvalidDataException">The chunk is corrupt.</exception>
    public static bool TryRead(
        SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target, Parquet.Meta.Type physical, PlainPagePlacer place)
    {
        // Values are copied as they lie in the file, which is little-endian.
        if (!BitConverter.IsLittleEndian || ColumnChunkBytes.Walkable(rowGroup.GetMetadata(field), field) is not { } meta || meta.Type != physical
            || meta.Encodings.Exists(encoding => encoding is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY))
        {
            return false;
        }

        var bytes = ColumnChunkBytes.Rent(file, meta, out var length);
        try
        {
            return Read(bytes.AsSpan(0, length), meta.Codec, field.MaxDefinitionLevel == 1, rows, target, place);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Reads a whole chunk already in memory; false at the first page this reader does not handle.</summary>
    /// <exception cref="InvalidDataException">The chunk is corrupt.</exception>
    public static bool Read(ReadOnlySpan<byte> chunk, CompressionCodec codec, bool nullable, int rows, ColumnVector target, PlainPagePlacer place)
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
                        place(pages.Values, pages.Levels, pages.FirstRow, pages.Count, pages.Present, target);
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

    /// <summary>The first <paramref name="present"/> values of a page, refusing a page too short to hold them.</summary>
    public static ReadOnlySpan<TValue> Values<TValue>(ReadOnlySpan<byte> values, int present)
        where TValue : unmanaged
    {
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<TValue>();
        if (values.Length < (long)present * size)
        {
            throw new InvalidDataException($"A data page holds {values.Length} bytes of values, too few for its {present} {typeof(TValue).Name} values.");
        }

        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, TValue>(values[..(present * size)]);
    }
}
