using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// Recomputes a study's active and priority entries for the current versions, through the very cache path the gateway
/// uses (same key builder, engine and stampede lock), with bounded parallelism; then announces StudyCacheWarmed.
/// </summary>
public sealed partial class StudyWarmer(
    WarmTargets targets,
    WidgetRequests requests,
    WidgetCache cache,
    CacheCounters counters,
    IPublishEndpoint publish,
    IOptions<WarmingOptions> options,
    TimeProvider time,
    ILogger<StudyWarmer> logger)
{
    public async Task<StudyCacheWarmed> WarmAsync(string studyId, IReadOnlyCollection<string>? onlyWidgets, bool force, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        var work = await targets.ForStudyAsync(studyId, onlyWidgets, settings.MaxActiveCombinations);
        var computed = 0;
        var widgets = new HashSet<string>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(work, parallel, async (target, _) =>
        {
            if (await WarmOneAsync(studyId, target, force) is CacheResult.Miss or CacheResult.Bypass)
            {
                Interlocked.Increment(ref computed);
            }

            lock (widgets)
            {
                widgets.Add(target.WidgetId);
            }
        });

        var elapsed = Stopwatch.GetElapsedTime(started);
        counters.RecordWarmingRun(computed, elapsed);
        var warmed = new StudyCacheWarmed
        {
            StudyId = studyId,
            WidgetsWarmed = widgets.Count,
            EntriesWarmed = computed,
            DurationMs = (long)elapsed.TotalMilliseconds,
            WarmedAt = time.GetUtcNow(),
        };
        await publish.Publish(warmed, cancellationToken);
        LogWarmed(logger, studyId, work.Count, computed, warmed.DurationMs);
        return warmed;
    }

    /// <summary>
    /// Refreshes the study's active entries that passed their refresh threshold (and creates missing ones), so the users who
    /// come back hit instead of waiting; entries still fresh are left alone.
    /// </summary>
    public async Task<int> RefreshHotAsync(string studyId, CancellationToken cancellationToken)
    {
        var work = await targets.ForStudyAsync(studyId, null, options.Value.MaxActiveCombinations);
        var refreshed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(work, parallel, async (target, _) =>
        {
            if (await WarmOneAsync(studyId, target, force: false) is CacheResult.Miss)
            {
                Interlocked.Increment(ref refreshed);
            }
        });

        return refreshed;
    }

    private async Task<CacheResult?> WarmOneAsync(string studyId, WarmTarget target, bool force)
    {
        try
        {
            var request = await requests.ResolveAsync(studyId, target.WidgetId, target.Query);
            return (await cache.WarmAsync(request, force)).Result;
        }
        catch (Exception exception) when (exception is WidgetNotFoundException or DatasetNotFoundException or WidgetQueryException
                                              or WidgetDefinitionException or DatasetReadException)
        {
            // A combination that no longer fits (a widget deleted, a filter column dropped) is skipped, not retried.
            LogSkipped(logger, studyId, target.WidgetId, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed {StudyId}: {Targets} combinations, {Computed} computed, in {DurationMs} ms")]
    private static partial void LogWarmed(ILogger logger, string studyId, int targets, int computed, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped warming {StudyId}/{WidgetId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string studyId, string widgetId, string reason);
}
