using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Statistics.Traffic;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>
/// This process's cache figures: plain interlocked counters on the request path (no Redis round trip), published to Redis
/// periodically for the fleet-wide stats, and as OpenTelemetry metrics. The compute engine reports its scans here too.
/// </summary>
/// <param name="countAnswers">False records no answers (<see cref="CacheStatisticsOptions.Enabled"/>).</param>
public sealed class CacheCounters(bool countAnswers = true) : IComputeObserver
{
    private static readonly Counter<long> Requests = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.requests", description: "Widget answers by cache result (hit, miss, stale, bypass)");
    private static readonly Histogram<double> AnswerDuration = PlatformTelemetry.Meter.CreateHistogram<double>("widgetplatform.cache.answer.duration", "s", "Time to answer a widget, by cache result");
    private static readonly Counter<long> Lookups = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.lookups", "{lookup}", "Lookups made to answer a request, by layer (memory, redis) and result (hit, miss)");
    private static readonly Counter<long> Computations = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.computations", description: "Widget computations from Parquet, by widget type");
    private static readonly Histogram<double> ComputationDuration = PlatformTelemetry.Meter.CreateHistogram<double>("widgetplatform.cache.computation.duration", "s", "Time to compute a widget from Parquet, by widget type");
    // Tag values in lower case, made once: an enum given as a tag value would be boxed on every request.
    private static readonly string[] ResultTags = LowerCaseNames<CacheResult>();
    private static readonly string[] WidgetTypeTags = LowerCaseNames<WidgetType>();
    private static readonly KeyValuePair<string, object?>[][] LookupTags = [.. LowerCaseNames<LookupLayer>().SelectMany(layer => new[]
    {
        new KeyValuePair<string, object?>[] { new("layer", layer), new("result", "miss") },
        [new("layer", layer), new("result", "hit")],
    })];
    private static readonly Counter<long> LockWaits = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.lock.waits", description: "Requests that waited for another holder's computation (G4)");
    private static readonly Counter<long> LockFailures = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.lock.failures", description: "Waits for a lock holder that gave up or timed out");
    private static readonly Counter<long> Errors = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.errors", description: "Requests answered with a server error");
    private static readonly Counter<long> Invalidations = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.invalidations", description: "CacheInvalidated messages heard");
    private static readonly Counter<long> WarmingRuns = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.warming.runs", description: "Warming runs of a study");
    private static readonly Counter<long> EntriesWarmed = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.cache.warming.entries", description: "Entries computed by warming runs");
    private static readonly Counter<long> Scans = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.compute.scans", description: "Passes over a dataset version's Parquet files (one may serve many widgets)");
    private static readonly Counter<long> PlansScanned = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.compute.scan.plans", description: "Widget views and partials served by those passes");
    private static readonly Counter<long> Partials = PlatformTelemetry.Meter.CreateCounter<long>("widgetplatform.compute.partials", description: "Daily partials by origin: built by a scan here, or shared by another process through Redis");
    private static readonly Histogram<double> WarmingDuration = PlatformTelemetry.Meter.CreateHistogram<double>("widgetplatform.cache.warming.duration", "s", "Time of a warming run of a study");

    private readonly long[] _results = new long[Enum.GetValues<CacheResult>().Length];
    private readonly long[] _lookups = new long[LookupTags.Length];
    private long _computations;
    private long _lockWaits;
    private long _lockFailures;
    private long _errors;
    private long _warmingRuns;
    private long _entriesWarmed;
    private long _lastInvalidationTicks;
    private long _scans;
    private long _partialsBuilt;
    private long _partialsShared;

    public LatencyHistogram Cached { get; } = new();

    public LatencyHistogram Uncached { get; } = new();

    public LatencyHistogram ComputeTime { get; } = new();

    public EventPathTimings EventPath { get; } = new();

    /// <summary>Answers per widget, for the statistics over time (<see cref="TrafficFlusher"/>).</summary>
    public WidgetTraffic Widgets { get; } = new();

    /// <summary>Answers served from each entry, for an admin's inspection of one (<see cref="TrafficFlusher"/>).</summary>
    public EntryHits EntryHits { get; } = new();

    private readonly ConcurrentQueue<HeardInvalidation> _invalidationsHeard = new();

    public void RecordAnswer(WidgetCacheKey key, CacheResult result, TimeSpan elapsed)
    {
        if (!countAnswers)
        {
            return;
        }

        var bucket = LatencyHistogram.BucketOf(elapsed);
        Widgets.Record(key.StudyId, key.WidgetId, result, bucket, elapsed);
        var cached = result is CacheResult.Hit or CacheResult.Stale;
        if (cached)
        {
            EntryHits.Record(key);
        }

        Interlocked.Increment(ref _results[(int)result]);
        (cached ? Cached : Uncached).Record(bucket, elapsed);
        var tag = new KeyValuePair<string, object?>("cache", ResultTags[(int)result]);
        Requests.Add(1, tag);
        AnswerDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>One look into a layer for a request's entry; <paramref name="hit"/> when the layer held a fresh one.</summary>
    public void RecordLookup(LookupLayer layer, bool hit)
    {
        if (!countAnswers)
        {
            return;
        }

        var slot = LookupSlot(layer, hit);
        Interlocked.Increment(ref _lookups[slot]);
        Lookups.Add(1, LookupTags[slot]);
    }

    public void RecordComputation(TimeSpan elapsed, WidgetType type)
    {
        Interlocked.Increment(ref _computations);
        ComputeTime.Record(elapsed);
        var tag = new KeyValuePair<string, object?>("widget.type", WidgetTypeTags[(int)type]);
        Computations.Add(1, tag);
        ComputationDuration.Record(elapsed.TotalSeconds, tag);
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

    public void ScanRun(int plans)
    {
        Interlocked.Increment(ref _scans);
        Scans.Add(1);
        PlansScanned.Add(plans);
    }

    public void PartialsBuilt()
    {
        Interlocked.Increment(ref _partialsBuilt);
        Partials.Add(1, new KeyValuePair<string, object?>("origin", "built"));
    }

    public void PartialsShared()
    {
        Interlocked.Increment(ref _partialsShared);
        Partials.Add(1, new KeyValuePair<string, object?>("origin", "shared"));
    }

    /// <param name="scope">What the invalidation covered: study, dataset, widget or tags.</param>
    public void RecordInvalidation(string studyId, string invalidationId, DateTimeOffset invalidatedAt, string scope)
    {
        Invalidations.Add(1, new KeyValuePair<string, object?>("scope", scope));
        _invalidationsHeard.Enqueue(new HeardInvalidation(studyId, invalidationId, invalidatedAt));
        var ticks = invalidatedAt.UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _lastInvalidationTicks)) < ticks && Interlocked.CompareExchange(ref _lastInvalidationTicks, ticks, seen) != seen)
        {
        }
    }

    /// <summary>The oldest invalidation heard and not yet taken by <see cref="TrafficFlusher"/>.</summary>
    public bool TryPeekInvalidation(out HeardInvalidation invalidation) => _invalidationsHeard.TryPeek(out invalidation!);

    public void InvalidationFlushed() => _invalidationsHeard.TryDequeue(out _);

    public CounterSnapshot Snapshot() => new()
    {
        Hits = Interlocked.Read(ref _results[(int)CacheResult.Hit]),
        Misses = Interlocked.Read(ref _results[(int)CacheResult.Miss]),
        Stale = Interlocked.Read(ref _results[(int)CacheResult.Stale]),
        Bypass = Interlocked.Read(ref _results[(int)CacheResult.Bypass]),
        Computations = Interlocked.Read(ref _computations),
        MemoryLookups = LookupsOf(LookupLayer.Memory),
        RedisLookups = LookupsOf(LookupLayer.Redis),
        LockWaits = Interlocked.Read(ref _lockWaits),
        LockFailures = Interlocked.Read(ref _lockFailures),
        Errors = Interlocked.Read(ref _errors),
        WarmingRuns = Interlocked.Read(ref _warmingRuns),
        EntriesWarmed = Interlocked.Read(ref _entriesWarmed),
        Scans = Interlocked.Read(ref _scans),
        PartialsBuilt = Interlocked.Read(ref _partialsBuilt),
        PartialsShared = Interlocked.Read(ref _partialsShared),
        LastInvalidationAt = Interlocked.Read(ref _lastInvalidationTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
        Cached = Cached.Snapshot(),
        Uncached = Uncached.Snapshot(),
        EventPath = EventPath.Snapshot(),
    };

    private LayerLookups LookupsOf(LookupLayer layer) =>
        new(Interlocked.Read(ref _lookups[LookupSlot(layer, hit: true)]), Interlocked.Read(ref _lookups[LookupSlot(layer, hit: false)]));

    /// <summary>Where a layer's misses and hits are counted, in that order, in <see cref="LookupTags"/> and its counters.</summary>
    private static int LookupSlot(LookupLayer layer, bool hit) => (2 * (int)layer) + (hit ? 1 : 0);

    private static string[] LowerCaseNames<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(value => value.ToString().ToLowerInvariant())];
}

/// <summary>A CacheInvalidated this process heard: its study, the message's id (the same in every replica) and time.</summary>
public sealed record HeardInvalidation(string StudyId, string Id, DateTimeOffset At);
