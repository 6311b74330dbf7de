using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using WidgetPlatform.Data.Compute.Pages;
using WidgetPlatform.Data.Compute.Plain;

namespace WidgetPlatform.Data.Compute.Dictionary;

/// <summary>
/// Reads a dictionary-encoded string column chunk straight to interned ids: each dictionary entry is interned once,
/// and every row becomes <c>ids[dictionary index]</c>, with no string or char buffer per row. Handles the chunks
/// <see cref="PageWalker"/> walks; any other chunk is left to Parquet.Net (<see cref="TryRead"/> is false).
/// </summary>
internal static class DictionaryStringReader
{
    private const int PlainEncoding = 0;
    private const int PlainDictionaryEncoding = 2;
    private const int RleDictionaryEncoding = 8;

    /// <summary>False when the chunk is not one this reader handles; <paramref name="target"/> must then be filled another way.</summary>
    /// <exception cref="InvalidDataException">The chunk is corrupt.</exception>
    public static bool TryRead(SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target, StringInterner interner)
    {
        if (ColumnChunkBytes.Walkable(rowGroup.GetMetadata(field), field) is not { } meta || meta.Type != Parquet.Meta.Type.BYTE_ARRAY
            || !meta.Encodings.Exists(encoding => encoding is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY))
        {
            return false;
        }

        var bytes = ColumnChunkBytes.Rent(file, meta, out var length);
        var indices = ArrayPool<int>.Shared.Rent(rows);
        var pages = new PageWalker(bytes.AsSpan(0, length), meta.Codec, field.MaxDefinitionLevel == 1, rows);
        try
        {
            int[]? dictionary = null;
            var nulls = 0;
            while (true)
            {
                switch (pages.Next())
                {
                    case PageKind.End:
                        target.HasNulls = nulls > 0;
                        return true;
                    case PageKind.Dictionary when pages.Encoding is PlainEncoding or PlainDictionaryEncoding:
                        dictionary = ReadDictionary(pages.Values, pages.Count, interner);
                        break;
                    case PageKind.Data when pages.Encoding is PlainDictionaryEncoding or RleDictionaryEncoding:
                        Place(pages.Values, pages.Levels, pages.FirstRow, pages.Count, pages.Present, indices, target,
                            dictionary ?? throw new InvalidDataException("A dictionary-encoded page comes before its dictionary."));
                        nulls += pages.Count - pages.Present;
                        break;
                    default:
                        // Plain values (the writer's dictionary grew too large), or pages the walker cannot decode.
                        return false;
                }
            }
        }
        finally
        {
            pages.Dispose();
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<int>.Shared.Return(indices);
        }
    }

    /// <summary>Turns a page's dictionary indices into ids and nulls for rows [first, first + count).</summary>
    private static void Place(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, int[] indices, ColumnVector target, int[] dictionary)
    {
        if (present > 0)
        {
            RleBitPackedDecoder.Decode(values[1..], values[0], indices.AsSpan(0, present));
        }

        PageCells.Place(indices.AsSpan(0, present), levels, target.Ids.AsSpan(first, count), target.Nulls.AsSpan(first, count), new Entries(dictionary));
    }

    /// <summary>A dictionary index as the interned id of that entry; -1 for null, as everywhere in <see cref="ColumnVector.Ids"/>.</summary>
    private readonly struct Entries(int[] dictionary) : ICellMap<int, int>
    {
        public int Null => -1;

        public int Cell(int value) => dictionary[value];
    }

    private static int[] ReadDictionary(ReadOnlySpan<byte> page, int count, StringInterner interner)
    {
        if (count > page.Length / 4)
        {
            throw new InvalidDataException($"A dictionary page of {page.Length} bytes claims {count} entries.");
        }

        var ids = new int[count];
        var chars = ArrayPool<char>.Shared.Rent(256);
        try
        {
            var position = 0;
            for (var index = 0; index < count; index++)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(page[position..]);
                if (length < 0 || length > page.Length - position - 4)
                {
                    throw new InvalidDataException("A dictionary entry runs past its page.");
                }

                var utf8 = page.Slice(position + 4, length);
                position += 4 + length;
                if (chars.Length < length)
                {
                    ArrayPool<char>.Shared.Return(chars);
                    chars = ArrayPool<char>.Shared.Rent(length);
                }

                var written = System.Text.Encoding.UTF8.GetChars(utf8, chars);
                ids[index] = interner.IdOf(chars.AsSpan(0, written));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        return ids;
    }
}
