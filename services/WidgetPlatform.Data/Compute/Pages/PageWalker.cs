using System.Buffers;
using System.Buffers.Binary;
using Parquet.Meta;

namespace WidgetPlatform.Data.Compute.Pages;

/// <summary>
/// Walks the pages of one flat column chunk (see <see cref="ColumnChunkBytes.Walkable"/>) in order: each page is decompressed
/// into one reused buffer and its definition levels decoded, so a reader only has to turn the page's values into cells.
/// Data pages v1 and v2; the walk ends once the row group's rows have been read. Dispose it to give its buffers back.
/// </summary>
internal ref struct PageWalker
{
    private const int RleEncoding = 3;

    private readonly ReadOnlySpan<byte> _chunk;
    private readonly CompressionCodec _codec;
    private readonly bool _nullable;
    private readonly int _rows;
    private byte[] _page = ArrayPool<byte>.Shared.Rent(1024);
    private int[] _levels = [];
    private int _position;
    private int _rowsRead;

    /// <param name="nullable">The column is optional (maximum definition level 1), so data pages carry definition levels.</param>
    public PageWalker(ReadOnlySpan<byte> chunk, CompressionCodec codec, bool nullable, int rows)
    {
        _chunk = chunk;
        _codec = codec;
        _nullable = nullable;
        _rows = rows;
    }

    /// <summary>The current page's value encoding (parquet.thrift Encoding).</summary>
    public int Encoding { get; private set; }

    /// <summary>Entries of a dictionary page; rows of a data page.</summary>
    public int Count { get; private set; }

    /// <summary>The row group row that a data page's first row is.</summary>
    public int FirstRow { get; private set; }

    /// <summary>The rows of a data page that are not null: the number of values in <see cref="Values"/>.</summary>
    public int Present { get; private set; }

    /// <summary>The page's encoded values, valid until the next call of <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Values { get; private set; }

    /// <summary>A data page's definition levels, 0 (null) or 1, one per row; empty for a required column.</summary>
    public readonly ReadOnlySpan<int> Levels => _nullable ? _levels.AsSpan(0, Count) : default;

    /// <exception cref="InvalidDataException">The chunk is corrupt.</exception>
    public PageKind Next()
    {
        while (_rowsRead < _rows)
        {
            if (_position >= _chunk.Length)
            {
                throw new InvalidDataException($"The column chunk ends after {_rowsRead} of {_rows} values.");
            }

            _position += PageHeader.Read(_chunk[_position..], out var header);
            var body = _chunk.Slice(_position, header.CompressedSize);
            _position += header.CompressedSize;
            Encoding = header.Encoding;
            Count = header.NumValues;
            switch (header.Type)
            {
                case PageHeader.DictionaryPage:
                    Values = Decompress(body, header.UncompressedSize);
                    return PageKind.Dictionary;
                case PageHeader.DataPage when _nullable && header.DefinitionLevelEncoding != RleEncoding:
                    return PageKind.Unreadable;
                case PageHeader.DataPage:
                    StartDataPage();
                    ReadDataPage(Decompress(body, header.UncompressedSize));
                    return PageKind.Data;
                case PageHeader.DataPageV2:
                    StartDataPage();
                    ReadDataPageV2(body, header);
                    return PageKind.Data;
                default:
                    // Index pages carry no values.
                    break;
            }
        }

        return PageKind.End;
    }

    public void Dispose()
    {
        if (_page.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_page);
        }

        if (_levels.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_levels);
        }

        _page = [];
        _levels = [];
    }

    private void StartDataPage()
    {
        if (Count > _rows - _rowsRead)
        {
            throw new InvalidDataException($"The column chunk holds more values than the row group's {_rows} rows.");
        }

        FirstRow = _rowsRead;
        _rowsRead += Count;
    }

    private void ReadDataPage(ReadOnlySpan<byte> page)
    {
        if (_nullable)
        {
            var levelBytes = BinaryPrimitives.ReadInt32LittleEndian(page);
            if (levelBytes < 0 || levelBytes > page.Length - 4)
            {
                throw new InvalidDataException("A data page's definition levels run past the page.");
            }

            DecodeLevels(page.Slice(4, levelBytes));
            page = page[(4 + levelBytes)..];
        }
        else
        {
            Present = Count;
        }

        Values = page;
    }

    private void ReadDataPageV2(ReadOnlySpan<byte> body, PageHeader header)
    {
        var levelBytes = header.RepetitionLevelsByteLength + header.DefinitionLevelsByteLength;
        if (header.RepetitionLevelsByteLength != 0 || levelBytes > body.Length || (!_nullable && header.DefinitionLevelsByteLength != 0))
        {
            throw new InvalidDataException("A data page's levels do not fit a flat column.");
        }

        if (_nullable)
        {
            DecodeLevels(body[..levelBytes]);
        }
        else
        {
            Present = Count;
        }

        // Version 2 compresses only the values; the levels before them are stored as they are.
        var values = body[levelBytes..];
        Values = header.IsCompressed ? Decompress(values, header.UncompressedSize - levelBytes) : values;
    }

    private void DecodeLevels(ReadOnlySpan<byte> encoded)
    {
        if (_levels.Length < Count)
        {
            if (_levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_levels);
            }

            _levels = ArrayPool<int>.Shared.Rent(Count);
        }

        // A bit width of 1 masks every level to 0 or 1, so the sum counts the rows that are not null.
        var levels = _levels.AsSpan(0, Count);
        RleBitPackedDecoder.Decode(encoded, 1, levels);
        var present = 0;
        foreach (var level in levels)
        {
            present += level;
        }

        Present = present;
    }

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> compressed, int size)
    {
        if (_codec == CompressionCodec.UNCOMPRESSED)
        {
            return compressed;
        }

        if (size < 0)
        {
            throw new InvalidDataException($"A page claims {size} bytes.");
        }

        if (_page.Length < size)
        {
            ArrayPool<byte>.Shared.Return(_page);
            _page = [];
            _page = ArrayPool<byte>.Shared.Rent(size);
        }

        var written = Snappier.Snappy.Decompress(compressed, _page.AsSpan(0, size));
        return written == size ? _page.AsSpan(0, size) : throw new InvalidDataException($"A page decompressed to {written} bytes, its header says {size}.");
    }
}
