using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// Every <see cref="CacheStatisticsOptions.PublishInterval"/>, adds what this process counted since its last flush to the
/// traffic buckets in Redis, off the request path; once more when the process stops, so a restart loses nothing counted.
/// A flush that fails is carried into the next one: the differences are taken against what was written (hits per entry,
/// taken as they are written, excepted).
/// </summary>
public sealed partial class TrafficFlusher(
    TrafficStore store, CacheCounters counters, IOptions<CacheStatisticsOptions> options, TimeProvider time, ILogger<TrafficFlusher> logger)
    : BackgroundService
{
    /// <summary>
    /// Counters one script adds at most, in whole widgets. A script holds Redis for its whole run, and a widget carries up
    /// to 49 counters: one script per study (some 600 fields, 1,800 increments) held Redis 2.9 ms with nothing else running
    /// and 2.5–12 ms under the fault suite's load, once a second per replica, and every other command waited behind it —
    /// the invalidation service's compare-and-set too, which put uploads past the suite's 25-ms stale-read window. 64
    /// fields: 0.5 ms. Each widget is marked written once its own script succeeded, so a failed flush carries exactly
    /// what it did not write.
    /// </summary>
    internal const int FieldsPerScript = 64;

    private TrafficCounts _fleetWritten = TrafficCounts.Empty;
    private readonly Dictionary<(string StudyId, string WidgetId), TrafficCounts> _widgetsWritten = [];
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            var now = time.GetUtcNow();
            await FlushFleetAsync(now);
            foreach (var (studyId, widgets) in counters.Widgets.Snapshot())
            {
                await FlushStudyAsync(studyId, widgets, now);
            }

            // Taken before they are written: the hits of a flush that fails are lost, which an inspection's figure can afford.
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            foreach (var study in counters.EntryHits.Drain().GroupBy(hit => hit.Key.StudyId, StringComparer.Ordinal))
            {
                await store.AddEntryHitsAsync(study.Key, [.. study], today);
            }

            while (counters.TryPeekInvalidation(out var invalidation))
            {
                await store.AddInvalidationAsync(invalidation.StudyId, invalidation.Id, invalidation.At);
                counters.InvalidationFlushed();
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryFlushAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryFlushAsync();
        }
    }

    private async Task TryFlushAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogFlushFailed(logger, exception);
        }
    }

    private async Task FlushFleetAsync(DateTimeOffset now)
    {
        var fleet = counters.Snapshot().Traffic();
        var grown = fleet.Since(_fleetWritten);
        if (grown.Fields.Count > 0)
        {
            await store.AddAsync(RedisKeys.FleetTrafficScope, grown.Fields, now);
        }

        _fleetWritten = fleet;
    }

    /// <summary>A study's traffic, a few whole widgets per script (<see cref="FieldsPerScript"/>).</summary>
    private async Task FlushStudyAsync(string studyId, Dictionary<string, TrafficCounts> widgets, DateTimeOffset now)
    {
        var grown = widgets
            .Select(widget => (WidgetId: widget.Key, Counts: widget.Value,
                Fields: widget.Value.Since(_widgetsWritten.GetValueOrDefault((studyId, widget.Key), TrafficCounts.Empty)).Fields))
            .ToList();
        foreach (var batch in Batches(grown, widget => widget.Fields.Count, FieldsPerScript))
        {
            var fields = batch.SelectMany(widget => widget.Fields.Select(field => (Name: TrafficFields.OfWidget(widget.WidgetId, field.Key), field.Value)))
                .ToDictionary(field => field.Name, field => field.Value, StringComparer.Ordinal);
            if (fields.Count > 0)
            {
                await store.AddAsync(studyId, fields, now);
            }

            foreach (var widget in batch)
            {
                _widgetsWritten[(studyId, widget.WidgetId)] = widget.Counts;
            }
        }
    }

    /// <summary>
    /// Items in order, in batches whose sizes add up to at most <paramref name="limit"/>; an item larger than that alone.
    /// </summary>
    internal static IEnumerable<List<T>> Batches<T>(IEnumerable<T> items, Func<T, int> size, int limit)
    {
        var batch = new List<T>();
        var total = 0;
        foreach (var item in items)
        {
            if (batch.Count > 0 && total + size(item) > limit)
            {
                yield return batch;
                (batch, total) = ([], 0);
            }

            batch.Add(item);
            total += size(item);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not add this process's traffic to the statistics; the next flush carries it")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
