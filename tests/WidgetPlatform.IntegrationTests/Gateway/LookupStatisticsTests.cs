using System.Text.Json;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>Lookups by layer (docs/cache.md, "Metrics"): where each answer's entry was looked for, and found.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class LookupStatisticsTests(GatewayFixture platform)
{
    private const string DataPath = $"/api/studies/{GatewayFixture.Study}/widgets/ae-by-severity/data";

    [Fact]
    public async Task EachLayerCountsTheLookupsMadeInItAndWhatItHeld()
    {
        using var first = platform.Replica(0);
        using var second = platform.Replica(1);
        var before = await SettledAsync(first);
        var path = $"{DataPath}?{UniqueRanges.Next()}";

        // Replica 0 computes (memory and Redis miss), then answers twice from memory; replica 1 finds the entry in Redis,
        // then in its own memory.
        Assert.Equal("miss", (await WidgetResponse.GetAsync(first, path)).Cache);
        Assert.Equal("hit", (await WidgetResponse.GetAsync(first, path)).Cache);
        Assert.Equal("hit", (await WidgetResponse.GetAsync(first, path)).Cache);
        Assert.Equal("hit", (await WidgetResponse.GetAsync(second, path)).Cache);
        Assert.Equal("hit", (await WidgetResponse.GetAsync(second, path)).Cache);

        await Eventually.UntilAsync(() => LookupsAsync(first), lookups => lookups.Total >= before.Total + 7, "7 lookups counted");
        Assert.Equal(new Lookups(before.MemoryHits + 3, before.MemoryMisses + 2, before.RedisHits + 1, before.RedisMisses + 1), await SettledAsync(first));
    }

    /// <summary>The fleet's lookups once nothing is on its way: two reads a publication and more apart agree.</summary>
    private static Task<Lookups> SettledAsync(HttpClient client) => Eventually.SettledAsync(() => LookupsAsync(client), TimeSpan.FromSeconds(1.5));

    private static async Task<Lookups> LookupsAsync(HttpClient client)
    {
        using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/cache/stats", UriKind.Relative)));
        var lookups = stats.RootElement.GetProperty("lookups");
        long Of(string layer, string result) => lookups.GetProperty(layer).GetProperty(result).GetInt64();
        return new Lookups(Of("memory", "hits"), Of("memory", "misses"), Of("redis", "hits"), Of("redis", "misses"));
    }

    private sealed record Lookups(long MemoryHits, long MemoryMisses, long RedisHits, long RedisMisses)
    {
        public long Total => MemoryHits + MemoryMisses + RedisHits + RedisMisses;
    }
}
