using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>What the platform's processes publish to the fleet statistics each second, read as the benchmark needs it.</summary>
internal static class FleetPublications
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The instances <paramref name="which"/> selects, once every one of them has published after this call began (so all
    /// they did until now is in); <c>Fresh</c> is false when that did not happen within 30 s, and the last reading is given.
    /// </summary>
    public static async Task<(IReadOnlyList<InstanceStatistics> Instances, bool Fresh)> ReadAfterNowAsync(BenchPlatform platform, Func<InstanceStatistics, bool> which)
    {
        var since = DateTimeOffset.UtcNow;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConfiguration);
        var store = new FleetStatisticsStore(redis, Microsoft.Extensions.Options.Options.Create(new CacheStatisticsOptions()));
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var instances = (await store.ReadAsync(DateTimeOffset.UtcNow)).Where(which).ToList();
            var fresh = instances.Count > 0 && instances.All(instance => instance.PublishedAt > since);
            if (fresh || DateTime.UtcNow > deadline)
            {
                return (instances, fresh);
            }

            await Task.Delay(100);
        }
    }
}
