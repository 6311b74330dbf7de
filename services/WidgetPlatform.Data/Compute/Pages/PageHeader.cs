namespace WidgetPlatform.Data.Compute.Pages;

/// <summary>The fields of a Parquet page header (parquet.thrift PageHeader) that the direct page readers need.</summary>
internal struct PageHeader
{
    public const int DataPage = 0;
    public const int DictionaryPage = 2;
    public const int DataPageV2 = 3;

    public int Type;
    public int UncompressedSize;
    public int CompressedSize;
    public int NumValues;
    public int Encoding;

    /// <summary>Data pages v1 only: how definition levels are encoded (RLE, or the deprecated BIT_PACKED).</summary>
    public int DefinitionLevelEncoding;
    public int DefinitionLevelsByteLength;
    public int RepetitionLevelsByteLength;
    public bool IsCompressed;

    /// <summary>Reads one Thrift-compact-encoded header from the start of <paramref name="bytes"/>; returns its length.</summary>
    public static int Read(ReadOnlySpan<byte> bytes, out PageHeader header)
    {
        header = new PageHeader { IsCompressed = true };
        var reader = new ThriftCompactReader(bytes);
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1: header.Type = reader.ReadInt(type); break;
                case 2: header.UncompressedSize = reader.ReadInt(type); break;
                case 3: header.CompressedSize = reader.ReadInt(type); break;
                case 5: ReadDataPageHeader(ref reader, ref header); break;
                case 7: ReadDictionaryPageHeader(ref reader, ref header); break;
                case 8: ReadDataPageHeaderV2(ref reader, ref header); break;
                default: reader.Skip(type); break;
            }
        }

        if (header.CompressedSize < 0 || header.UncompressedSize < 0 || header.NumValues < 0)
        {
            throw new InvalidDataException("A page header has a negative size or count.");
        }

        return reader.Position;
    }

    private static void ReadDataPageHeader(ref ThriftCompactReader reader, ref PageHeader header)
    {
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1: header.NumValues = reader.ReadInt(type); break;
                case 2: header.Encoding = reader.ReadInt(type); break;
                case 3: header.DefinitionLevelEncoding = reader.ReadInt(type); break;
                default: reader.Skip(type); break;
            }
        }
    }

    private static void ReadDictionaryPageHeader(ref ThriftCompactReader reader, ref PageHeader header)
    {
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1: header.NumValues = reader.ReadInt(type); break;
                case 2: header.Encoding = reader.ReadInt(type); break;
                default: reader.Skip(type); break;
            }
        }
    }

    private static void ReadDataPageHeaderV2(ref ThriftCompactReader reader, ref PageHeader header)
    {
        short field = 0;
        while (reader.NextField(ref field, out var type))
        {
            switch (field)
            {
                case 1: header.NumValues = reader.ReadInt(type); break;
                case 4: header.Encoding = reader.ReadInt(type); break;
                case 5: header.DefinitionLevelsByteLength = reader.ReadInt(type); break;
                case 6: header.RepetitionLevelsByteLength = reader.ReadInt(type); break;
                case 7: header.IsCompressed = ThriftCompactReader.ReadBool(type); break;
                default: reader.Skip(type); break;
            }
        }
    }
}
