using Parquet.Meta;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Compute.Plain;

namespace WidgetPlatform.Data.Tests.DoubleColumns;

/// <summary>The page walk of the plain double reader on chunks laid out by hand: page kinds Parquet.Net does not write, fallbacks and damage.</summary>
public sealed class PlainDoubleReaderTests
{
    private static readonly double?[] Specials =
    [
        double.NaN, BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001)), BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001),
        -0.0, 0.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 1e-300, null,
    ];

    public static TheoryData<bool> Codecs => [false, true];

    [Theory]
    [MemberData(nameof(Codecs))]
    public void PagesOfEveryKindFillTheirOwnRowsBitForBit(bool snappy)
    {
        double?[] first = [1.5, null, -2.25, null, null, 3, 4, 5, 6.125, null];
        double?[] allPresent = [7, 8, 9];
        double?[] allNull = [null, null, null, null];
        double?[] secondV2 = [10.5, null, 11];
        var chunk = new ChunkBuilder(snappy)
            .DataPage(first, nullable: true)
            .IndexPage()
            .DataPage(allPresent, nullable: true)
            .DataPageV2(secondV2, nullable: true, compressed: true)
            .DataPageV2(allNull, nullable: true, compressed: false)
            .DataPage(Specials, nullable: true)
            .ToArray();
        double?[] expected = [.. first, .. allPresent, .. secondV2, .. allNull, .. Specials];

        var target = Read(chunk, snappy, nullable: true, expected.Length, out var handled);

        Assert.True(handled);
        DoubleCells.AssertEqual(expected, target);
        Assert.True(target.HasNulls);
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void ARequiredColumnHasNoLevelsAndNoNulls(bool snappy)
    {
        double?[] values = [.. Specials.OfType<double>().Select(value => (double?)value)];
        var chunk = new ChunkBuilder(snappy).DataPage(values[..5], nullable: false).DataPageV2(values[5..], nullable: false, compressed: true).ToArray();

        var target = Read(chunk, snappy, nullable: false, values.Length, out var handled);

        Assert.True(handled);
        DoubleCells.AssertEqual(values, target);
        Assert.False(target.HasNulls);
    }

    [Fact]
    public void NullsOfOneRowGroupDoNotLingerInTheNext()
    {
        var target = DoubleCells.Vector(4);
        PlainDoubleReader.Read(new ChunkBuilder(false).DataPage([null, null, null, null], nullable: true).ToArray(), CompressionCodec.UNCOMPRESSED, true, 4, target);

        var next = new ChunkBuilder(false).DataPage([1, 2], nullable: true).DataPage([null, 4], nullable: true).ToArray();
        PlainDoubleReader.Read(next, CompressionCodec.UNCOMPRESSED, true, 4, target);

        DoubleCells.AssertEqual([1, 2, null, 4], target);
        Assert.True(target.HasNulls);
    }

    [Fact]
    public void OtherEncodingsAreLeftToParquetNet()
    {
        double?[] rows = [1, null, 2];
        Assert.False(Handles(new ChunkBuilder(false).DataPage(rows, nullable: true, encoding: ChunkBuilder.ByteStreamSplit)));
        Assert.False(Handles(new ChunkBuilder(false).DataPage(rows, nullable: true, levelEncoding: ChunkBuilder.BitPacked)));
        Assert.False(Handles(new ChunkBuilder(false).DictionaryPage([1, 2]).DataPage(rows, nullable: true)));
        Assert.False(Handles(new ChunkBuilder(false).DataPage(rows, nullable: true).DataPage(rows, nullable: true, encoding: ChunkBuilder.ByteStreamSplit)));

        static bool Handles(ChunkBuilder chunk)
        {
            Read(chunk.ToArray(), snappy: false, nullable: true, 6, out var handled);
            return handled;
        }
    }

    [Fact]
    public void DamagedChunksAreErrorsNotAnswers()
    {
        var twoRows = new ChunkBuilder(false).DataPage([1, 2], nullable: true).ToArray();
        Assert.Throws<InvalidDataException>(() => Read(twoRows, snappy: false, nullable: true, rows: 1, out _));
        Assert.Throws<InvalidDataException>(() => Read(twoRows, snappy: false, nullable: true, rows: 3, out _));

        var tooFewValues = twoRows[..^1];
        Assert.ThrowsAny<Exception>(() => Read(tooFewValues, snappy: false, nullable: true, rows: 2, out _));

        // A byte of the levels' length, which comes before 2 bytes of levels and 16 of values.
        var badLevels = (byte[])twoRows.Clone();
        badLevels[^20] = 0xFF;
        Assert.Throws<InvalidDataException>(() => Read(badLevels, snappy: false, nullable: true, rows: 2, out _));
    }

    private static ColumnVector Read(byte[] chunk, bool snappy, bool nullable, int rows, out bool handled)
    {
        var target = DoubleCells.Vector(rows);
        handled = PlainDoubleReader.Read(chunk, snappy ? CompressionCodec.SNAPPY : CompressionCodec.UNCOMPRESSED, nullable, rows, target);
        return target;
    }
}
