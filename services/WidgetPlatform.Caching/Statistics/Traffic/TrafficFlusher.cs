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

    private async Task FlushStudyAsync(string studyId, Dictionary<string, TrafficCounts> widgets, DateTimeOffset now)
    {
        var grown = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (widgetId, counts) in widgets)
        {
            foreach (var (field, value) in counts.Since(_widgetsWritten.GetValueOrDefault((studyId, widgetId), TrafficCounts.Empty)).Fields)
            {
                grown[TrafficFields.OfWidget(widgetId, field)] = value;
            }
        }

        if (grown.Count > 0)
        {
            await store.AddAsync(studyId, grown, now);
        }

        foreach (var (widgetId, counts) in widgets)
        {
            _widgetsWritten[(studyId, widgetId)] = counts;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not add this process's traffic to the statistics; the next flush carries it")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
