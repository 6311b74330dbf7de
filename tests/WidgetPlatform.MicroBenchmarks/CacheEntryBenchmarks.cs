using System.Text;
using BenchmarkDotNet.Attributes;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>A cached answer's two conversions: rendered once when computed, read on every Redis hit.</summary>
[MemoryDiagnoser]
public class CacheEntryBenchmarks
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes(
        """{"type":"breakdown","buckets":[{"key":"MILD","value":1204},{"key":"MODERATE","value":602},{"key":"SEVERE","value":199},{"key":null,"value":41}],"total":2046}""");

    private static readonly byte[] Filter =
        """{"filters":{"site":["SITE-01","SITE-03"]},"from":"2024-01-01","revision":1,"to":"2024-03-31"}"""u8.ToArray();

    private static readonly WidgetCacheKey Key = new(HotPathRequest.StudyId, "ae-by-severity", HotPathRequest.DataVersion, "9f2c6a1be04d7735");

    private readonly CacheEntryMetadata _metadata = new()
    {
        Key = Key.Value,
        CalculatedAt = new DateTimeOffset(2026, 11, 28, 5, 10, 0, TimeSpan.Zero),
        DataVersion = HotPathRequest.DataVersion,
        TtlSeconds = 900,
        CacheValueOffset = 0,
    };

    private ReadOnlyMemory<byte> _stored;

    [GlobalSetup]
    public void Setup() => _stored = ResponseBody.Render(Data, _metadata, Filter, queryTime: 12.5, rowsProcessed: 20_000).Stored;

    [Benchmark]
    public CacheEntry Render() => ResponseBody.Render(Data, _metadata, Filter, queryTime: 12.5, rowsProcessed: 20_000);

    [Benchmark]
    public CacheEntry? Read() => CacheEntry.Read(_stored, Key);
}
