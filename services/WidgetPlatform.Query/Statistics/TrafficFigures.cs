using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.Query.Statistics;

/// <summary>
/// Answers over one window: counts by cache result, hit rate (hits and stale answers over all), and latency percentiles
/// (upper bounds of exponential buckets, at most 50% over; null before the first answer).
/// </summary>
public record TrafficFigures(
    long Requests, long Hit, long Miss, long Stale, long Bypass, double? HitRate, double? AverageMs, double? P50Ms, double? P95Ms, double? P99Ms)
{
    public static TrafficFigures Of(TrafficCounts counts)
    {
        var latency = counts.Latency;
        return new TrafficFigures(
            counts.Requests,
            counts[TrafficFields.Hit],
            counts[TrafficFields.Miss],
            counts[TrafficFields.Stale],
            counts[TrafficFields.Bypass],
            counts.HitRate,
            latency.AverageMs,
            latency.PercentileMs(0.5),
            latency.PercentileMs(0.95),
            latency.PercentileMs(0.99));
    }
}

/// <summary>The fleet's answers over one window, with what only the fleet counts: server errors, lock waits and computations.</summary>
public sealed record FleetTrafficFigures(
    long Requests, long Hit, long Miss, long Stale, long Bypass, double? HitRate, double? AverageMs, double? P50Ms, double? P95Ms, double? P99Ms,
    long Errors, double? ErrorRate, long LockWaits, long LockFailures, long Computations)
    : TrafficFigures(Requests, Hit, Miss, Stale, Bypass, HitRate, AverageMs, P50Ms, P95Ms, P99Ms)
{
    public static new FleetTrafficFigures Of(TrafficCounts counts)
    {
        var answers = TrafficFigures.Of(counts);
        return new FleetTrafficFigures(
            answers.Requests, answers.Hit, answers.Miss, answers.Stale, answers.Bypass, answers.HitRate, answers.AverageMs, answers.P50Ms, answers.P95Ms,
            answers.P99Ms, counts[TrafficFields.Errors], counts.ErrorRate, counts[TrafficFields.LockWaits], counts[TrafficFields.LockFailures],
            counts[TrafficFields.Computations]);
    }
}

/// <summary>
/// The same figures over the last minute, 5 minutes and hour (docs/cache.md, "Statistics over time") and since the statistics
/// started at <see cref="Since"/>, which a process restart does not reset.
/// </summary>
public sealed record TrafficWindows<T>(T LastMinute, T Last5Minutes, T LastHour, T SinceStart, DateTimeOffset? Since);
