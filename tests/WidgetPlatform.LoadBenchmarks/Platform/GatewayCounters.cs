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
        var (gateways, _) = await FleetPublications.ReadAfterNowAsync(platform, instance => instance.Service.StartsWith(GatewayServicePrefix, StringComparison.Ordinal));
        return gateways.Aggregate(new CounterSnapshot(), (sum, instance) => sum.Add(instance.Counters));
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
