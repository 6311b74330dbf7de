using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute.Dictionary;

/// <summary>
/// Reads a dictionary-encoded string column chunk straight to interned ids: each dictionary entry is interned once,
/// and every row becomes <c>ids[dictionary index]</c>, with no string or char buffer per row. Handles flat columns,
/// uncompressed or Snappy, data pages v1 and v2; any other chunk is left to Parquet.Net (<see cref="TryRead"/> is false).
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
        var chunk = rowGroup.GetMetadata(field);
        var meta = chunk?.MetaData;
        if (meta is null || chunk!.FilePath is not null || chunk.CryptoMetadata is not null || field.MaxRepetitionLevel != 0 || field.MaxDefinitionLevel > 1
            || meta.Type != Parquet.Meta.Type.BYTE_ARRAY || meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY)
            || !meta.Encodings.Exists(encoding => encoding is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY))
        {
            return false;
        }

        var start = meta.DictionaryPageOffset is > 0 and var dictionaryOffset && dictionaryOffset < meta.DataPageOffset ? dictionaryOffset : meta.DataPageOffset;
        var length = meta.TotalCompressedSize;
        if (start < 0 || length <= 0 || length > int.MaxValue || start + length > RandomAccess.GetLength(file))
        {
            throw new InvalidDataException($"The column chunk's bounds ({start}, {length} bytes) lie outside the file.");
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        var levels = field.MaxDefinitionLevel == 1 ? ArrayPool<int>.Shared.Rent(rows) : null;
        var indices = ArrayPool<int>.Shared.Rent(rows);
        var state = new ChunkState(meta.Codec, rows, levels, indices, target, interner);
        try
        {
            ReadExactly(file, bytes.AsSpan(0, (int)length), start);
            return state.Read(bytes.AsSpan(0, (int)length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<byte>.Shared.Return(state.Page);
            ArrayPool<int>.Shared.Return(indices);
            if (levels is not null)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read <= 0)
            {
                throw new InvalidDataException("The file ends inside a column chunk.");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }

    /// <summary>The pages of one chunk, read in order into rows [0, rows) of the target.</summary>
    private sealed class ChunkState(CompressionCodec codec, int rows, int[]? levels, int[] indices, ColumnVector target, StringInterner interner)
    {
        private int[]? _dictionary;
        private int _row;
        private int _nulls;

        /// <summary>Decompressed page bytes, reused from page to page (rented; the caller returns it).</summary>
        public byte[] Page { get; private set; } = ArrayPool<byte>.Shared.Rent(1024);

        public bool Read(ReadOnlySpan<byte> chunk)
        {
            var position = 0;
            while (_row < rows)
            {
                if (position >= chunk.Length)
                {
                    throw new InvalidDataException($"The column chunk ends after {_row} of {rows} values.");
                }

                position += PageHeader.Read(chunk[position..], out var header);
                var body = chunk.Slice(position, header.CompressedSize);
                position += header.CompressedSize;
                switch (header.Type)
                {
                    case PageHeader.DictionaryPage when header.Encoding is PlainEncoding or PlainDictionaryEncoding:
                        _dictionary = ReadDictionary(Decompress(body, header.UncompressedSize), header.NumValues, interner);
                        break;
                    case PageHeader.DictionaryPage:
                        return false;
                    case PageHeader.DataPage or PageHeader.DataPageV2 when header.Encoding is not (PlainDictionaryEncoding or RleDictionaryEncoding):
                        // The writer fell back to plain values (its dictionary grew too large).
                        return false;
                    case PageHeader.DataPage:
                        ReadDataPage(Decompress(body, header.UncompressedSize), header.NumValues);
                        break;
                    case PageHeader.DataPageV2:
                        ReadDataPageV2(body, header);
                        break;
                    default:
                        break;
                }
            }

            target.HasNulls = _nulls > 0;
            return true;
        }

        private void ReadDataPage(ReadOnlySpan<byte> page, int count)
        {
            var values = page;
            if (levels is not null)
            {
                var levelBytes = BinaryPrimitives.ReadInt32LittleEndian(page);
                if (levelBytes < 0 || levelBytes > page.Length - 4)
                {
                    throw new InvalidDataException("A data page's definition levels run past the page.");
                }

                values = page[(4 + levelBytes)..];
                DecodeLevels(page.Slice(4, levelBytes), count);
            }

            Place(values, count);
        }

        private void ReadDataPageV2(ReadOnlySpan<byte> body, PageHeader header)
        {
            var levelBytes = header.RepetitionLevelsByteLength + header.DefinitionLevelsByteLength;
            if (header.RepetitionLevelsByteLength != 0 || levelBytes > body.Length || (levels is null && header.DefinitionLevelsByteLength != 0))
            {
                throw new InvalidDataException("A data page's levels do not fit a flat column.");
            }

            if (levels is not null)
            {
                DecodeLevels(body[..levelBytes], header.NumValues);
            }

            var values = body[levelBytes..];
            Place(header.IsCompressed ? Decompress(values, header.UncompressedSize - levelBytes) : values, header.NumValues);
        }

        private void DecodeLevels(ReadOnlySpan<byte> encoded, int count)
        {
            CheckCount(count);
            RleBitPackedDecoder.Decode(encoded, 1, levels.AsSpan(_row, count));
        }

        /// <summary>Turns a page's dictionary indices into ids and nulls for rows [_row, _row + count).</summary>
        private void Place(ReadOnlySpan<byte> values, int count)
        {
            CheckCount(count);
            var dictionary = _dictionary ?? throw new InvalidDataException("A dictionary-encoded page comes before its dictionary.");
            var present = count;
            if (levels is not null)
            {
                present = 0;
                foreach (var level in levels.AsSpan(_row, count))
                {
                    present += level;
                }
            }

            if (present > 0)
            {
                RleBitPackedDecoder.Decode(values[1..], values[0], indices.AsSpan(0, present));
            }

            var ids = target.Ids;
            var nulls = target.Nulls;
            if (present == count)
            {
                for (var index = 0; index < count; index++)
                {
                    ids[_row + index] = dictionary[indices[index]];
                    nulls[_row + index] = false;
                }
            }
            else
            {
                var next = 0;
                for (var index = 0; index < count; index++)
                {
                    var isNull = levels![_row + index] switch
                    {
                        0 => true,
                        1 => false,
                        _ => throw new InvalidDataException("A definition level is out of range."),
                    };
                    nulls[_row + index] = isNull;
                    ids[_row + index] = isNull ? -1 : dictionary[indices[next++]];
                }

                _nulls += count - present;
            }

            _row += count;
        }

        private void CheckCount(int count)
        {
            if (count > rows - _row)
            {
                throw new InvalidDataException($"The column chunk holds more values than the row group's {rows} rows.");
            }
        }

        private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> compressed, int size)
        {
            if (codec == CompressionCodec.UNCOMPRESSED)
            {
                return compressed;
            }

            if (size < 0)
            {
                throw new InvalidDataException($"A page claims {size} bytes.");
            }

            if (Page.Length < size)
            {
                ArrayPool<byte>.Shared.Return(Page);
                Page = ArrayPool<byte>.Shared.Rent(size);
            }

            var written = Snappier.Snappy.Decompress(compressed, Page.AsSpan(0, size));
            return written == size ? Page.AsSpan(0, size) : throw new InvalidDataException($"A page decompressed to {written} bytes, its header says {size}.");
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
}
