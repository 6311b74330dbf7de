using System.Diagnostics.Metrics;
using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// This process's cache figures: plain interlocked counters on the request path (no Redis round trip), published to Redis
/// periodically for the fleet-wide stats, and as OpenTelemetry metrics.
/// </summary>
public sealed class CacheCounters
{
    private static readonly Counter<long> Requests = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.requests", description: "Widget answers by cache result (hit, miss, stale, bypass)");
    private static readonly Histogram<double> AnswerDuration = PlatformTelemetry.Meter.CreateHistogram<double>("widgetplatform.cache.answer.duration", "s", "Time to answer a widget, by cache result");
    private static readonly Counter<long> Computations = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.computations", description: "Widget computations from Parquet");
    private static readonly Histogram<double> ComputationDuration = PlatformTelemetry.Meter.CreateHistogram<double>("widgetplatform.cache.computation.duration", "s", "Time to compute a widget from Parquet");
    private static readonly Counter<long> LockWaits = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.lock.waits", description: "Requests that waited for another holder's computation (G4)");
    private static readonly Counter<long> LockFailures = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.lock.failures", description: "Waits for a lock holder that gave up or timed out");
    private static readonly Counter<long> Errors = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.errors", description: "Requests answered with a server error");
    private static readonly Counter<long> Invalidations = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.invalidations", description: "CacheInvalidated messages heard");
    private static readonly Counter<long> WarmingRuns = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.warming.runs", description: "Warming runs of a study");
    private static readonly Counter<long> EntriesWarmed = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.warming.entries", description: "Entries computed by warming runs");
    private static readonly Histogram<double> WarmingDuration = PlatformTelemetry.Meter.CreateHistogram<double>("widgetplatform.cache.warming.duration", "s", "Time of a warming run of a study");

    private readonly long[] _results = new long[Enum.GetValues<CacheResult>().Length];
    private long _computations;
    private long _lockWaits;
    private long _lockFailures;
    private long _errors;
    private long _warmingRuns;
    private long _entriesWarmed;
    private long _lastInvalidationTicks;

    public LatencyHistogram Cached { get; } = new();

    public LatencyHistogram Uncached { get; } = new();

    public LatencyHistogram ComputeTime { get; } = new();

    public void RecordAnswer(CacheResult result, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _results[(int)result]);
        (result is CacheResult.Hit or CacheResult.Stale ? Cached : Uncached).Record(elapsed);
        var tag = new KeyValuePair<string, object?>("cache", result);
        Requests.Add(1, tag);
        AnswerDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void RecordComputation(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _computations);
        ComputeTime.Record(elapsed);
        Computations.Add(1);
        ComputationDuration.Record(elapsed.TotalSeconds);
    }

    public void RecordLockWait()
    {
        Interlocked.Increment(ref _lockWaits);
        LockWaits.Add(1);
    }

    public void RecordLockFailure()
    {
        Interlocked.Increment(ref _lockFailures);
        LockFailures.Add(1);
    }

    public void RecordError()
    {
        Interlocked.Increment(ref _errors);
        Errors.Add(1);
    }

    public void RecordWarmingRun(int entriesWarmed, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _warmingRuns);
        Interlocked.Add(ref _entriesWarmed, entriesWarmed);
        WarmingRuns.Add(1);
        EntriesWarmed.Add(entriesWarmed);
        WarmingDuration.Record(elapsed.TotalSeconds);
    }

    public void RecordInvalidation(DateTimeOffset invalidatedAt)
    {
        Invalidations.Add(1);
        var ticks = invalidatedAt.UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _lastInvalidationTicks)) < ticks && Interlocked.CompareExchange(ref _lastInvalidationTicks, ticks, seen) != seen)
        {
        }
    }

    public CounterSnapshot Snapshot() => new()
    {
        Hits = Interlocked.Read(ref _results[(int)CacheResult.Hit]),
        Misses = Interlocked.Read(ref _results[(int)CacheResult.Miss]),
        Stale = Interlocked.Read(ref _results[(int)CacheResult.Stale]),
        Bypass = Interlocked.Read(ref _results[(int)CacheResult.Bypass]),
        Computations = Interlocked.Read(ref _computations),
        LockWaits = Interlocked.Read(ref _lockWaits),
        LockFailures = Interlocked.Read(ref _lockFailures),
        Errors = Interlocked.Read(ref _errors),
        WarmingRuns = Interlocked.Read(ref _warmingRuns),
        EntriesWarmed = Interlocked.Read(ref _entriesWarmed),
        LastInvalidationAt = Interlocked.Read(ref _lastInvalidationTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
        Cached = Cached.Snapshot(),
        Uncached = Uncached.Snapshot(),
    };
}
