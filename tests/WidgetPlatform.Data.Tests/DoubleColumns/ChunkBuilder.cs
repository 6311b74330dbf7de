using Snappier;

namespace WidgetPlatform.Data.Tests.DoubleColumns;

/// <summary>
/// Lays out a DOUBLE column chunk page by page as a Parquet writer would (Thrift compact page headers, RLE / bit-packed levels),
/// so tests can reach what Parquet.Net never writes: several data pages per chunk, data pages v2, index pages, odd encodings.
/// </summary>
internal sealed class ChunkBuilder(bool snappy)
{
    public const int Plain = 0;
    public const int Rle = 3;
    public const int BitPacked = 4;
    public const int ByteStreamSplit = 9;

    private const byte I32 = 5;
    private const byte Struct = 12;
    private const byte True = 1;
    private const byte False = 2;

    private readonly MemoryStream _chunk = new();

    public byte[] ToArray() => _chunk.ToArray();

    public ChunkBuilder DataPage(double?[] rows, bool nullable, int encoding = Plain, int levelEncoding = Rle)
    {
        var page = new MemoryStream();
        if (nullable)
        {
            var levels = Levels(rows);
            page.Write(BitConverter.GetBytes(levels.Length));
            page.Write(levels);
        }

        page.Write(Values(rows));
        var raw = page.ToArray();
        var stored = snappy ? Snappy.CompressToArray(raw) : raw;
        var header = new MemoryStream();
        PageHeaderStart(header, type: 0, raw.Length, stored.Length);
        header.WriteByte((2 << 4) | Struct);
        Int(header, 1, rows.Length);
        Int(header, 1, encoding);
        Int(header, 1, levelEncoding);
        Int(header, 1, Rle);
        header.WriteByte(0);
        header.WriteByte(0);
        _chunk.Write(header.ToArray());
        _chunk.Write(stored);
        return this;
    }

    /// <summary>Version 2: levels first and never compressed, then the values, compressed when <paramref name="compressed"/> and the chunk is Snappy.</summary>
    public ChunkBuilder DataPageV2(double?[] rows, bool nullable, bool compressed)
    {
        var levels = nullable ? Levels(rows) : [];
        var values = Values(rows);
        var stored = compressed && snappy ? Snappy.CompressToArray(values) : values;
        var header = new MemoryStream();
        PageHeaderStart(header, type: 3, levels.Length + values.Length, levels.Length + stored.Length);
        header.WriteByte((5 << 4) | Struct);
        Int(header, 1, rows.Length);
        Int(header, 1, rows.Count(row => row is null));
        Int(header, 1, rows.Length);
        Int(header, 1, Plain);
        Int(header, 1, levels.Length);
        Int(header, 1, 0);
        header.WriteByte((byte)((1 << 4) | (compressed ? True : False)));
        header.WriteByte(0);
        header.WriteByte(0);
        _chunk.Write(header.ToArray());
        _chunk.Write(levels);
        _chunk.Write(stored);
        return this;
    }

    /// <summary>A dictionary page of plain doubles (its data pages would then hold indices).</summary>
    public ChunkBuilder DictionaryPage(double[] entries)
    {
        var raw = Values([.. entries.Select(entry => (double?)entry)]);
        var stored = snappy ? Snappy.CompressToArray(raw) : raw;
        var header = new MemoryStream();
        PageHeaderStart(header, type: 2, raw.Length, stored.Length);
        header.WriteByte((4 << 4) | Struct);
        Int(header, 1, entries.Length);
        Int(header, 1, Plain);
        header.WriteByte(0);
        header.WriteByte(0);
        _chunk.Write(header.ToArray());
        _chunk.Write(stored);
        return this;
    }

    /// <summary>An index page: no values, to be skipped.</summary>
    public ChunkBuilder IndexPage()
    {
        var header = new MemoryStream();
        PageHeaderStart(header, type: 1, 0, 0);
        header.WriteByte(0);
        _chunk.Write(header.ToArray());
        return this;
    }

    private static void PageHeaderStart(MemoryStream header, int type, int uncompressed, int compressed)
    {
        Int(header, 1, type);
        Int(header, 1, uncompressed);
        Int(header, 1, compressed);
    }

    private static byte[] Values(double?[] rows) => [.. rows.OfType<double>().SelectMany(BitConverter.GetBytes)];

    /// <summary>One RLE run when every row is alike, bit-packed groups of eight otherwise: both forms a writer uses.</summary>
    private static byte[] Levels(double?[] rows)
    {
        var levels = new MemoryStream();
        if (rows.All(row => row is null) || rows.All(row => row is not null))
        {
            Varint(levels, (ulong)rows.Length << 1);
            levels.WriteByte(rows.Length > 0 && rows[0] is not null ? (byte)1 : (byte)0);
            return levels.ToArray();
        }

        var groups = (rows.Length + 7) / 8;
        Varint(levels, ((ulong)groups << 1) | 1);
        for (var group = 0; group < groups; group++)
        {
            var packed = 0;
            for (var bit = 0; bit < 8 && (group * 8) + bit < rows.Length; bit++)
            {
                packed |= rows[(group * 8) + bit] is null ? 0 : 1 << bit;
            }

            levels.WriteByte((byte)packed);
        }

        return levels.ToArray();
    }

    /// <summary>A field of the next id (the delta is always 1 here) holding a zigzag varint.</summary>
    private static void Int(MemoryStream stream, int delta, int value)
    {
        stream.WriteByte((byte)((delta << 4) | I32));
        Varint(stream, (ulong)((value << 1) ^ (value >> 31)));
    }

    private static void Varint(MemoryStream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
