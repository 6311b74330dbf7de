using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// Recomputes a study's active and priority entries for the current versions in one pass per dataset version (same key
/// builder, engine and stampede locks as the gateway, so a burst of users and the warmer still compute a key once); then
/// announces StudyCacheWarmed.
/// </summary>
public sealed partial class StudyWarmer(
    WarmTargets targets,
    WidgetRequests requests,
    CachePass pass,
    CacheCounters counters,
    IPublishEndpoint publish,
    IOptions<WarmingOptions> options,
    TimeProvider time,
    ILogger<StudyWarmer> logger)
{
    /// <param name="claims">The pending passes of the versions that caused this warm (none for an operator's or a scheduled warm).</param>
    /// <param name="requested">An operator's named ranges and filters to warm besides what the study's warm always covers.</param>
    public async Task<StudyCacheWarmed> WarmAsync(
        string studyId, IReadOnlyCollection<string>? onlyWidgets, bool force, IReadOnlyCollection<PendingPass> claims, CancellationToken cancellationToken,
        RequestedViews? requested = null)
    {
        var started = Stopwatch.GetTimestamp();
        var work = await targets.ForStudyAsync(studyId, onlyWidgets, options.Value.MaxActiveCombinations, requested);
        var outcomes = await PassAsync(studyId, work, claims, force);
        // A new version's entries that its pass ahead computed are found stored: they were warmed for this warm all the same.
        var computed = outcomes.Count(outcome => outcome.Computed || (claims.Count > 0 && outcome.Result == CacheResult.Hit));

        var elapsed = Stopwatch.GetElapsedTime(started);
        counters.RecordWarmingRun(computed, elapsed);
        var warmed = new StudyCacheWarmed
        {
            StudyId = studyId,
            WidgetsWarmed = work.Select(target => target.WidgetId).Distinct(StringComparer.Ordinal).Count(),
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
    public async Task<int> RefreshHotAsync(string studyId)
    {
        var work = await targets.ForStudyAsync(studyId, null, options.Value.MaxActiveCombinations);
        return (await PassAsync(studyId, work, [], force: false)).Count(outcome => outcome.Result == CacheResult.Miss);
    }

    private async Task<WarmOutcome[]> PassAsync(string studyId, IReadOnlyList<WarmTarget> work, IReadOnlyCollection<PendingPass> claims, bool force)
    {
        var resolved = await SkippedTargets.ResolveEachAsync(studyId, work, target => requests.ResolveAsync(studyId, target.WidgetId, target.Query), logger);
        var outcomes = await pass.WarmAsync(resolved, claims, force);
        SkippedTargets.LogFailures(studyId, resolved, outcomes, logger);
        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed {StudyId}: {Targets} combinations, {Computed} computed, in {DurationMs} ms")]
    private static partial void LogWarmed(ILogger logger, string studyId, int targets, int computed, long durationMs);
}
