using System.Globalization;
using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>
/// Redis past its memory limit (docs/cache.md, "Redis memory and persistence"): it evicts entries, never what must stay
/// (the manifest mirror, the fence), answers stay correct, and the memory and eviction alerts fire. A platform of its own,
/// with a Redis of 8 MB.
/// </summary>
public sealed class EvictionTests
{
    private const string Study = OperationsFixture.Study;

    [Fact]
    public async Task PastItsLimitRedisEvictsEntriesOnlyAnswersStayCorrectAndTheAlertsFire()
    {
        await using var host = await TestPlatform.StartAsync(new TestPlatformOptions
        {
            Environment = OperationsFixture.FastAlerts,
            AppHostSettings = new Dictionary<string, string> { ["WidgetPlatform:CacheServer:MaxMemory"] = "8mb" },
        });
        using var admin = host.CreateHttpClient("query", bearerToken: host.DevTokens.Admin);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(host.GetConnectionString("cache"));
        var database = redis.GetDatabase();
        var widgets = new[] { "ae-by-severity", "ae-daily", "dm-by-arm" };
        foreach (var widget in widgets)
        {
            await WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/{widget}/data");
        }

        // Volatile filler, as entries are: 4 KB each until Redis has had to evict.
        var filler = new string('x', 4096);
        for (var batch = 0; batch < 100 && await EvictedAsync(database) == 0; batch++)
        {
            await Task.WhenAll(Enumerable.Range(batch * 100, 100).Select(i => database.StringSetAsync($"filler:{i}", filler, TimeSpan.FromMinutes(10))));
        }

        var firing = await Eventually.UntilAsync(
            () => OperatorApi.FiringAsync(admin), alerts => alerts.Contains("evictions") && alerts.Contains("redis-memory"), "the eviction and memory alerts");
        var answers = new List<(WidgetResponse Served, WidgetResponse Fresh)>();
        foreach (var widget in widgets)
        {
            var path = $"api/studies/{Study}/widgets/{widget}/data";
            answers.Add((await WidgetResponse.GetAsync(admin, path), await WidgetResponse.GetAsync(admin, path + "?skipCache=true")));
        }

        Assert.True(await EvictedAsync(database) > 0);
        Assert.True(await database.KeyExistsAsync($"manifest:{{{Study}}}"), "the manifest mirror has no TTL and must never be evicted");
        Assert.All(answers, pair => Assert.Equal(pair.Fresh.Data, pair.Served.Data));
        Assert.Contains("redis-memory", firing);
    }

    private static async Task<long> EvictedAsync(IDatabase database)
    {
        var info = (string?)await database.ExecuteAsync("INFO", "stats") ?? "";
        var line = info.Split('\n').First(line => line.StartsWith("evicted_keys:", StringComparison.Ordinal));
        return long.Parse(line["evicted_keys:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
