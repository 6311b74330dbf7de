using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>
/// Each replica's own counters, read where every process publishes them each second for the fleet statistics: the gateway's
/// /api/cache/stats only gives their sum, and these tests need to know which replica did what.
/// </summary>
public static class ReplicaCounters
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The counters of every instance of the service, once each of the <paramref name="replicas"/> has published after
    /// <paramref name="since"/>: what it counted before that moment is then in.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, CounterSnapshot>> ReadAsync(
        IConnectionMultiplexer redis, string service, int replicas, DateTimeOffset since) =>
        WaitAsync(redis, service, replicas, $"publishing after {since:O}", published => published.All(instance => instance.PublishedAt > since));

    /// <summary>The counters of every instance of the service, once the <paramref name="replicas"/> have published and what they published satisfies <paramref name="until"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, CounterSnapshot>> WaitAsync(
        IConnectionMultiplexer redis, string service, int replicas, string expectation, Func<IReadOnlyList<InstanceStatistics>, bool> until)
    {
        var store = new FleetStatisticsStore(redis, Microsoft.Extensions.Options.Options.Create(new CacheStatisticsOptions()));
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var published = (await store.ReadAsync(DateTimeOffset.UtcNow)).Where(instance => instance.Service == service).ToList();
            if (published.Count == replicas && until(published))
            {
                return published.ToDictionary(instance => instance.Instance, instance => instance.Counters);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Expected {replicas} instances of {service} {expectation}; saw {string.Join(", ", published.Select(instance => $"{instance.Instance} at {instance.PublishedAt:O}: {instance.Counters}"))}.");
            }

            await Task.Delay(100);
        }
    }
}
