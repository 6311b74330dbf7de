namespace WidgetPlatform.Cli.Gateway;

/// <summary>The gateway's traffic over the last minute, 5 minutes, hour and since start (docs/cache.md, "Statistics over time").</summary>
public sealed record TrafficWindows(TrafficFigures? LastMinute, TrafficFigures? Last5Minutes, TrafficFigures? LastHour, TrafficFigures? SinceStart, DateTimeOffset? Since)
{
    public IEnumerable<(string Name, TrafficFigures? Figures)> All =>
        [("last minute", LastMinute), ("last 5 minutes", Last5Minutes), ("last hour", LastHour), ("since start", SinceStart)];
}

/// <summary>Answers over one window; the fleet's also carry errors, lock waits and computations (zero for a study or widget).</summary>
public sealed record TrafficFigures(
    long Requests,
    long Hit,
    long Miss,
    long Stale,
    long Bypass,
    double? HitRate,
    double? AverageMs,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    long Errors,
    double? ErrorRate,
    long LockWaits,
    long LockFailures,
    long Computations);
