using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// How many widget computations the gateways have run, from the counters every process publishes each second to the fleet
/// statistics: the answers computed on a user's request rather than by the warmer.
/// </summary>
internal static class GatewayComputations
{
    private const string GatewayServicePrefix = "query";

    /// <summary>The sum over every gateway, once each has published after this call began (so all it counted until now is in).</summary>
    public static async Task<long> ReadAsync(BenchPlatform platform)
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
                return gateways.Sum(instance => instance.Counters.Computations);
            }

            await Task.Delay(100);
        }
    }
}
