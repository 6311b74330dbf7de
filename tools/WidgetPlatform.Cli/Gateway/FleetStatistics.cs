namespace WidgetPlatform.Cli.Gateway;

/// <summary>
/// <c>GET /api/cache/stats</c> (the gateway's CacheStatisticsReport), read by its JSON contract rather than by referencing
/// the gateway: the CLI depends on what the API says, not on the service's code.
/// </summary>
public sealed record FleetStatistics(
    double? HitRate,
    RequestCounts? Requests,
    ResponseTimes? ResponseTime,
    RedisFigures? Redis,
    DateTimeOffset? LastInvalidationAt,
    long ActiveCachedWidgets,
    LookupFigures? Lookups,
    long Computations,
    LockFigures? Locks,
    WarmingFigures? Warming,
    long Errors,
    IReadOnlyList<string>? Instances,
    int HealthScore,
    IReadOnlyList<string>? Alerts,
    TrafficWindows? Traffic);

public sealed record RequestCounts(long Total, long Hit, long Miss, long Stale, long Bypass);

public sealed record ResponseTimes(Timing? Cached, Timing? Uncached);

public sealed record Timing(double? AverageMs, double? P95Ms);

public sealed record RedisFigures(bool Available, long Keys, long UsedMemoryBytes, long MaxMemoryBytes, long EvictedKeys, double? MemoryUsage);

public sealed record LookupFigures(LayerLookups? Memory, LayerLookups? Redis);

public sealed record LayerLookups(long Hits, long Misses, double? HitRate);

public sealed record LockFigures(long Waits, long Failures);

public sealed record WarmingFigures(long Runs, long EntriesWarmed);
