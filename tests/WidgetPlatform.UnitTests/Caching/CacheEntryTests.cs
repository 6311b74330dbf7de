using System.Text;
using System.Text.Json;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class CacheEntryTests
{
    private static readonly WidgetCacheKey Key = new("S", "w", "2024-01-10-143000", "0123456789abcdef");

    private static readonly CacheEntryMetadata Metadata = new()
    {
        Key = Key.Value,
        CalculatedAt = new DateTimeOffset(2024, 1, 10, 14, 31, 0, TimeSpan.Zero).AddTicks(1234567),
        DataVersion = "2024-01-10-143000",
        QueryTime = 12.346,
        RowsProcessed = 1543,
        Filter = """{"filters":{},"from":null,"revision":1,"to":null}""",
        TtlSeconds = 900,
        CacheValueOffset = 0,
    };

    [Fact]
    public void TheStoredBodyIsTheHitResponseAndReadsBackUnchanged()
    {
        var entry = ResponseBody.Render("""{"value":4332}"""u8, Metadata);

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
    public void TheMetadataReadsBackExactlyWithNonAsciiFilterValues()
    {
        var metadata = Metadata with { Filter = """{"filters":{"site":["Zürich-01","東京"]},"from":"2024-01-01","revision":7,"to":null}""", QueryTime = 0.1 + 0.2 };
        var entry = ResponseBody.Render("""{"value":1}"""u8, metadata);

        var read = CacheEntry.Read(entry.Stored.ToArray(), Key)!;

        Assert.Equal(entry.Metadata, read.Metadata);
        Assert.Equal(entry.Body.ToArray(), read.Body.ToArray());
    }

    /// <summary>Format 2 holds the metadata in a fixed binary header, not as JSON beside the body (docs/cache.md, "The entry").</summary>
    [Fact]
    public void AnEntryStoresLittleBeyondItsBodyAndTheCanonicalFilter()
    {
        var entry = ResponseBody.Render("""{"value":4332}"""u8, Metadata);

        var overhead = entry.Stored.Length - entry.Body.Length - Encoding.UTF8.GetByteCount(Metadata.Filter);

        Assert.Equal(2 + 8 + 4 + 8 + 8 + 4 + 2 + Metadata.DataVersion.Length + 2, overhead);
    }

    [Fact]
    public void EveryTruncationOfAnEntryIsNoEntry()
    {
        var entry = ResponseBody.Render("""{"value":4332}"""u8, Metadata);
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
        var entry = ResponseBody.Render("""{"buckets":[],"total":0}"""u8, Metadata);

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
}
