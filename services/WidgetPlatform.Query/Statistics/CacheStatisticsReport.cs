using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Query.Alerts;

namespace WidgetPlatform.Query.Statistics;

/// <summary>The fleet-wide statistics of docs/design.md §6, with the health score derived from them and the alerts firing.</summary>
public sealed record CacheStatisticsReport
{
    public required double? HitRate { get; init; }

    public required RequestCounts Requests { get; init; }

    public required ResponseTimes ResponseTime { get; init; }

    public required RedisFigures Redis { get; init; }

    public required DateTimeOffset? LastInvalidationAt { get; init; }

    public required long ActiveCachedWidgets { get; init; }

    /// <summary>Where the requests' entries were looked for: this process's memory first, then Redis.</summary>
    public required LookupFigures Lookups { get; init; }

    public required long Computations { get; init; }

    public required ScanFigures Scans { get; init; }

    public required LockFigures Locks { get; init; }

    public required WarmingFigures Warming { get; init; }

    public required long Errors { get; init; }

    /// <summary>The event path's steps (docs/cache.md, "The event path") this fleet recorded, in the order an upload passes them.</summary>
    public required IReadOnlyList<EventPathFigure> EventPath { get; init; }

    public required IReadOnlyList<string> Instances { get; init; }

    public required int HealthScore { get; init; }

    /// <summary>The messages of the alerts firing at the gateway's last evaluation (<c>GET /api/cache/alerts</c> has their figures).</summary>
    public required IReadOnlyList<string> Alerts { get; init; }

    /// <summary>The fleet's traffic over the last minute, 5 minutes, hour and since start; null while Redis cannot be read.</summary>
    public required TrafficWindows<FleetTrafficFigures>? Traffic { get; init; }

    /// <param name="fleet">The live processes' counters since each started: the totals above.</param>
    public static CacheStatisticsReport Create(
        CounterSnapshot fleet,
        RedisFigures redis,
        long activeCachedWidgets,
        IReadOnlyList<string> instances,
        TrafficWindows<FleetTrafficFigures>? traffic,
        IReadOnlyList<FiringAlert> alerts)
    {
        var requests = fleet.Requests;
        double? hitRate = requests == 0 ? null : (double)(fleet.Hits + fleet.Stale) / requests;
        var all = fleet.Cached.Add(fleet.Uncached);
        return new CacheStatisticsReport
        {
            HitRate = hitRate,
            Requests = new RequestCounts(requests, fleet.Hits, fleet.Misses, fleet.Stale, fleet.Bypass),
            ResponseTime = new ResponseTimes(Timing.Of(fleet.Cached), Timing.Of(fleet.Uncached)),
            Redis = redis,
            LastInvalidationAt = fleet.LastInvalidationAt,
            ActiveCachedWidgets = activeCachedWidgets,
            Lookups = new LookupFigures(fleet.MemoryLookups, fleet.RedisLookups),
            Computations = fleet.Computations,
            Scans = new ScanFigures(fleet.Scans, fleet.PartialsBuilt, fleet.PartialsShared),
            Locks = new LockFigures(fleet.LockWaits, fleet.LockFailures),
            Warming = new WarmingFigures(fleet.WarmingRuns, fleet.EntriesWarmed),
            Errors = fleet.Errors,
            EventPath = [.. EventPathStep.All.Where(fleet.EventPath.ContainsKey).Select(step => EventPathFigure.Of(step, fleet.EventPath[step]))],
            Instances = instances,
            HealthScore = Statistics.HealthScore.Of(hitRate, all.AverageMs, requests == 0 ? 0 : (double)fleet.Errors / requests),
            Alerts = [.. alerts.Select(alert => alert.Message)],
            Traffic = traffic,
        };
    }
}

public sealed record RequestCounts(long Total, long Hit, long Miss, long Stale, long Bypass);

public sealed record ResponseTimes(Timing Cached, Timing Uncached);

public sealed record Timing(double? AverageMs, double? P95Ms)
{
    public static Timing Of(HistogramSnapshot histogram) => new(histogram.AverageMs, histogram.PercentileMs(0.95));
}

public sealed record LookupFigures(LayerLookups Memory, LayerLookups Redis);

public sealed record LockFigures(long Waits, long Failures);

public sealed record WarmingFigures(long Runs, long EntriesWarmed);

/// <summary>Passes over Parquet files (one may compute many widgets), and daily partials built here or loaded from another replica.</summary>
public sealed record ScanFigures(long Passes, long PartialsBuilt, long PartialsShared);

/// <summary>One step of the event path: how often it was recorded, and its median and p99 (bucket upper bounds, ≤ 50% over).</summary>
public sealed record EventPathFigure(string Step, long Count, double? P50Ms, double? P99Ms)
{
    public static EventPathFigure Of(string step, HistogramSnapshot histogram) =>
        new(step, histogram.Count, histogram.PercentileMs(0.5), histogram.PercentileMs(0.99));
}
