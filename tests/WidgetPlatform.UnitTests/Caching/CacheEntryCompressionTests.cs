using System.Buffers.Binary;
using System.Text;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.UnitTests.Caching;

/// <summary>Format 4: large bodies compressed for Redis, read back as the very same entry.</summary>
public sealed class CacheEntryCompressionTests
{
    private static readonly WidgetCacheKey Key = new("S", "w", "2024-01-10-143000", "0123456789abcdef");

    private static readonly byte[] Filter = """{"filters":{"site":["S01"]},"from":null,"revision":1,"to":null}"""u8.ToArray();

    private static readonly CacheEntryMetadata Metadata = new()
    {
        Key = Key.Value,
        CalculatedAt = new DateTimeOffset(2024, 1, 10, 14, 31, 0, TimeSpan.Zero),
        DataVersion = "2024-01-10-143000",
        TtlSeconds = 900,
        CacheValueOffset = 0,
    };

    [Fact]
    public void ALargeBodyIsStoredCompressedAndReadsBackByteForByte()
    {
        var entry = Render(DailySeries(365));

        var forRedis = entry.ForRedis(compressFromBytes: 1024);
        var read = CacheEntry.Read(forRedis.ToArray(), Key)!;

        Assert.True(forRedis.Length < entry.Stored.Length / 3, $"{forRedis.Length} of {entry.Stored.Length} bytes");
        Assert.Equal(entry.Stored.ToArray(), read.Stored.ToArray());
        Assert.Equal(entry.Body.ToArray(), read.Body.ToArray());
        Assert.Equal(Filter, read.Filter.ToArray());
        Assert.Equal(entry.Metadata, read.Metadata);
        Assert.Equal(entry.BodyBeforeCacheResult.ToArray(), read.BodyBeforeCacheResult.ToArray());
    }

    [Fact]
    public void ABodyBelowTheThresholdOrWithCompressionOffIsStoredAsItIs()
    {
        var entry = Render(DailySeries(365));

        Assert.Equal(entry.Stored, entry.ForRedis(compressFromBytes: entry.Body.Length + 1));
        Assert.Equal(entry.Stored, entry.ForRedis(compressFromBytes: 0));
    }

    [Fact]
    public void ABodyThatCompressionWouldNotShrinkByATenthIsStoredAsItIs()
    {
        // Random bytes: not JSON, but the entry format never parses its body, and nothing compresses them.
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var entry = Render(random);

        Assert.Equal(entry.Stored, entry.ForRedis(compressFromBytes: 1024));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("length too large")]
    [InlineData("length too small")]
    [InlineData("not brotli")]
    public void DamagedCompressedBytesAreNoEntry(string damage)
    {
        var packed = Render(DailySeries(365)).ForRedis(compressFromBytes: 1024).ToArray();
        var lengthAt = HeaderLength();
        switch (damage)
        {
            case "truncated":
                packed = packed[..(packed.Length / 2)];
                break;
            case "length too large":
                BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(lengthAt), int.MaxValue);
                break;
            case "length too small":
                BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(lengthAt), 10);
                break;
            default:
                packed.AsSpan(lengthAt + sizeof(int)).Fill((byte)'x');
                break;
        }

        Assert.Null(CacheEntry.Read(packed, Key));
    }

    /// <summary>Format 3's fixed header (magic, format, calculatedAt, ttl, offset, filter length) and the filter.</summary>
    private static int HeaderLength() => 2 + sizeof(long) + sizeof(int) + sizeof(int) + sizeof(ushort) + Filter.Length;

    private static byte[] DailySeries(int days) => Encoding.UTF8.GetBytes(
        "{\"type\":\"timeseries\",\"points\":[" + string.Join(',', Enumerable.Range(0, days).Select(day =>
            $"{{\"bucket\":\"{new DateOnly(2024, 1, 1).AddDays(day):yyyy-MM-dd}\",\"value\":{(day * 37) % 101}}}")) + "]}");

    private static CacheEntry Render(byte[] data) => ResponseBody.Render(data, Metadata, Filter, queryTime: 4.5, rowsProcessed: 20_000);
}
