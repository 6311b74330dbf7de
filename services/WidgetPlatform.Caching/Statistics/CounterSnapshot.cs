using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>One process's counters at a moment, or the sum over the fleet.</summary>
public sealed record CounterSnapshot
{
    public long Hits { get; init; }

    public long Misses { get; init; }

    public long Stale { get; init; }

    public long Bypass { get; init; }

    public long Computations { get; init; }

    /// <summary>Lookups in this process's memory (L1) made to answer requests.</summary>
    public LayerLookups MemoryLookups { get; init; } = LayerLookups.None;

    /// <summary>Lookups in Redis (L2) made to answer requests that memory did not.</summary>
    public LayerLookups RedisLookups { get; init; } = LayerLookups.None;

    public long LockWaits { get; init; }

    public long LockFailures { get; init; }

    public long Errors { get; init; }

    public long WarmingRuns { get; init; }

    public long EntriesWarmed { get; init; }

    /// <summary>Passes over Parquet files; one pass may compute many widgets (docs/cache.md, "One pass per upload").</summary>
    public long Scans { get; init; }

    /// <summary>Daily partials built by a scan in this process.</summary>
    public long PartialsBuilt { get; init; }

    /// <summary>Daily partials another process built, loaded from Redis instead of scanning.</summary>
    public long PartialsShared { get; init; }

    public DateTimeOffset? LastInvalidationAt { get; init; }

    public HistogramSnapshot Cached { get; init; } = HistogramSnapshot.Empty;

    public HistogramSnapshot Uncached { get; init; } = HistogramSnapshot.Empty;

    /// <summary>Durations of the event path's steps (<see cref="EventPathStep"/>) this process recorded, by step.</summary>
    public IReadOnlyDictionary<string, HistogramSnapshot> EventPath { get; init; } = new Dictionary<string, HistogramSnapshot>();

    public long Requests => Hits + Misses + Stale + Bypass;

    /// <summary>The counters the statistics over time keep for the fleet (<see cref="TrafficFields"/>).</summary>
    public TrafficCounts Traffic()
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [TrafficFields.Hit] = Hits,
            [TrafficFields.Miss] = Misses,
            [TrafficFields.Stale] = Stale,
            [TrafficFields.Bypass] = Bypass,
            [TrafficFields.Errors] = Errors,
            [TrafficFields.LockWaits] = LockWaits,
            [TrafficFields.LockFailures] = LockFailures,
            [TrafficFields.Computations] = Computations,
        };
        TrafficFields.AddLatency(fields, Cached.Add(Uncached));
        return new TrafficCounts(fields);
    }

    public CounterSnapshot Add(CounterSnapshot other) => new()
    {
        Hits = Hits + other.Hits,
        Misses = Misses + other.Misses,
        Stale = Stale + other.Stale,
        Bypass = Bypass + other.Bypass,
        Computations = Computations + other.Computations,
        MemoryLookups = MemoryLookups.Add(other.MemoryLookups),
        RedisLookups = RedisLookups.Add(other.RedisLookups),
        LockWaits = LockWaits + other.LockWaits,
        LockFailures = LockFailures + other.LockFailures,
        Errors = Errors + other.Errors,
        WarmingRuns = WarmingRuns + other.WarmingRuns,
        EntriesWarmed = EntriesWarmed + other.EntriesWarmed,
        Scans = Scans + other.Scans,
        PartialsBuilt = PartialsBuilt + other.PartialsBuilt,
        PartialsShared = PartialsShared + other.PartialsShared,
        LastInvalidationAt = Later(LastInvalidationAt, other.LastInvalidationAt),
        Cached = Cached.Add(other.Cached),
        Uncached = Uncached.Add(other.Uncached),
        EventPath = EventPath.Keys.Union(other.EventPath.Keys).ToDictionary(
            step => step,
            step => EventPath.GetValueOrDefault(step, HistogramSnapshot.Empty).Add(other.EventPath.GetValueOrDefault(step, HistogramSnapshot.Empty)),
            StringComparer.Ordinal),
    };

    private static DateTimeOffset? Later(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left > right ? left : right;
}
