using System.Text;
using System.Text.Json;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class CacheEntryTests
{
    private static readonly WidgetCacheKey Key = new("S", "w", "2024-01-10-143000", "0123456789abcdef");

    private static readonly byte[] Filter = """{"filters":{},"from":null,"revision":1,"to":null}"""u8.ToArray();

    private static readonly CacheEntryMetadata Metadata = new()
    {
        Key = Key.Value,
        CalculatedAt = new DateTimeOffset(2024, 1, 10, 14, 31, 0, TimeSpan.Zero).AddTicks(1234567),
        DataVersion = "2024-01-10-143000",
        TtlSeconds = 900,
        CacheValueOffset = 0,
    };

    [Fact]
    public void TheStoredBodyIsTheHitResponseAndReadsBackUnchanged()
    {
        var entry = Render("""{"value":4332}"""u8, Metadata);

        var read = CacheEntry.Read(entry.Stored.ToArray(), Key)!;
        using var body = JsonDocument.Parse(read.Body);

        Assert.Equal(4332, body.RootElement.GetProperty("data").GetProperty("value").GetInt32());
        var metadata = body.RootElement.GetProperty("metadata");
        Assert.Equal("hit", metadata.GetProperty("cache").GetString());
        Assert.Equal(Metadata.Key, metadata.GetProperty("key").GetString());
        Assert.Equal(Metadata.DataVersion, metadata.GetProperty("dataVersion").GetString());
        Assert.Equal(12.35, metadata.GetProperty("queryTime").GetDouble());
        Assert.Equal(1543, metadata.GetProperty("rowsProcessed").GetInt64());
        Assert.Equal(Metadata.CalculatedAt, metadata.GetProperty("calculatedAt").GetDateTimeOffset());
        Assert.Equal(entry.Metadata, read.Metadata);
    }

    [Fact]
    public void TheHeaderReadsBackExactlyWithNonAsciiFilterValuesAndTheDataVersionIsTheKeys()
    {
        var filter = Encoding.UTF8.GetBytes("""{"filters":{"site":["Zürich-01","東京"]},"from":"2024-01-01","revision":7,"to":null}""");
        var metadata = Metadata with { TtlSeconds = 86_400, CalculatedAt = DateTimeOffset.MaxValue };
        var entry = ResponseBody.Render("""{"value":1}"""u8, metadata, filter, queryTime: 0.1 + 0.2, rowsProcessed: long.MaxValue);

        var read = CacheEntry.Read(entry.Stored.ToArray(), Key)!;

        Assert.Equal(entry.Metadata, read.Metadata);
        Assert.Equal(Key.DataVersion, read.Metadata.DataVersion);
        Assert.Equal(filter, read.Filter.ToArray());
        Assert.Equal(entry.Body.ToArray(), read.Body.ToArray());
    }

    /// <summary>
    /// Format 3 stores a 20-byte header and the canonical filter, nothing the key or the body already holds
    /// (docs/cache.md, "The entry"): not the data version, the query time or the rows.
    /// </summary>
    [Fact]
    public void AnEntryStoresTwentyBytesBeyondItsBodyAndTheCanonicalFilter()
    {
        var entry = Render("""{"value":4332}"""u8, Metadata);

        Assert.Equal(20 + Filter.Length, entry.Stored.Length - entry.Body.Length);
    }

    /// <summary>DESIGN.md §5: the canonical filter is stored in the value and checked on read.</summary>
    [Fact]
    public void AnEntryAnswersOnlyTheCanonicalFilterItWasComputedFor()
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "w", Title = "w", Type = WidgetType.Metric, Dataset = "AE", Measure = new WidgetMeasure { Op = MeasureOp.Count },
        };
        var unfiltered = CanonicalFilter.Create(widget, WidgetQuery.Unfiltered);
        var ranged = CanonicalFilter.Create(widget, new WidgetQuery { From = new DateOnly(2024, 1, 1) });
        var entry = CacheEntry.Read(
            ResponseBody.Render("""{"value":1}"""u8, Metadata, unfiltered.Utf8, queryTime: 1, rowsProcessed: 1).Stored, Key)!;

        Assert.True(entry.Answers(unfiltered));
        Assert.False(entry.Answers(ranged));
    }

    [Fact]
    public void EveryTruncationOfAnEntryIsNoEntry()
    {
        var entry = Render("""{"value":4332}"""u8, Metadata);
        var stored = entry.Stored.ToArray();
        var bodyStart = stored.Length - entry.Body.Length;

        for (var length = 0; length <= bodyStart; length++)
        {
            Assert.Null(CacheEntry.Read(stored.AsMemory(0, length), Key));
        }
    }

    [Theory]
    [InlineData(CacheResult.Miss, "miss")]
    [InlineData(CacheResult.Stale, "stale")]
    [InlineData(CacheResult.Bypass, "bypass")]
    public void OtherResultsAreSplicedIntoTheSameBytes(CacheResult result, string expected)
    {
        var entry = Render("""{"buckets":[],"total":0}"""u8, Metadata);

        var spliced = Encoding.UTF8.GetString([.. entry.BodyBeforeCacheResult.ToArray(), .. ResponseBody.Suffix(result).ToArray()]);
        using var body = JsonDocument.Parse(spliced);

        Assert.Equal(expected, body.RootElement.GetProperty("metadata").GetProperty("cache").GetString());
        Assert.Equal(Encoding.UTF8.GetString(entry.Body.Span).Replace("\"hit\"", $"\"{expected}\"", StringComparison.Ordinal), spliced);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'W', 3, 0, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'W', 1, 255, 255, 255, 127, 1 })]
    [InlineData(new byte[] { (byte)'W', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255 })]
    [InlineData(new byte[] { (byte)'{', (byte)'}' })]
    public void BytesOfAnotherFormatAreNoEntry(byte[] stored) => Assert.Null(CacheEntry.Read(stored, Key));

    private static CacheEntry Render(ReadOnlySpan<byte> data, CacheEntryMetadata metadata) =>
        ResponseBody.Render(data, metadata, Filter, queryTime: 12.346, rowsProcessed: 1543);
}
