using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// The gateways' counters summed, from what every process publishes each second to the fleet statistics: the computations
/// they ran on users' requests (rather than the warmer), and the event path's steps they recorded.
/// </summary>
internal static class GatewayCounters
{
    private const string GatewayServicePrefix = "query";

    /// <summary>The sum over every gateway, once each has published after this call began (so all it counted until now is in).</summary>
    public static async Task<CounterSnapshot> ReadAsync(BenchPlatform platform)
    {
        var since = DateTimeOffset.UtcNow;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConfiguration);
        var store = new FleetStatisticsStore(redis, Microsoft.Extensions.Options.Options.Create(new CacheStatisticsOptions()));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var gateways = (await store.ReadAsync(DateTimeOffset.UtcNow))
                .Where(instance => instance.Service.StartsWith(GatewayServicePrefix, StringComparison.Ordinal))
                .ToList();
            if ((gateways.Count > 0 && gateways.All(instance => instance.PublishedAt > since)) || DateTime.UtcNow > deadline)
            {
                return gateways.Aggregate(new CounterSnapshot(), (sum, instance) => sum.Add(instance.Counters));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The samples of one event path step recorded between two readings.</summary>
    public static HistogramSnapshot StepBetween(CounterSnapshot before, CounterSnapshot after, string step)
    {
        var earlier = before.EventPath.GetValueOrDefault(step, HistogramSnapshot.Empty);
        var later = after.EventPath.GetValueOrDefault(step, HistogramSnapshot.Empty);
        return new HistogramSnapshot(
            later.Count - earlier.Count, later.SumMicroseconds - earlier.SumMicroseconds, [.. later.Buckets.Zip(earlier.Buckets, (l, e) => l - e)]);
    }
}
