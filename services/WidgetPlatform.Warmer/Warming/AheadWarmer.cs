using System.Diagnostics;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// An upload's pass ahead of its announcement (docs/cache.md, "One pass per upload"): started when the upload's message
/// arrives, it computes the new version's entries while the invalidation service advances the manifest, so the switch to
/// the new version finds them stored. Not a warming run of its own: the warm that the announcement causes counts it, and
/// remains the guarantee should this pass be skipped or fail.
/// </summary>
public sealed partial class AheadWarmer(
    WarmTargets targets,
    WidgetRequests requests,
    CurrentVersions versions,
    WidgetCatalog catalog,
    DataStore store,
    AheadPasses ahead,
    CachePass pass,
    IOptions<WarmingOptions> options,
    ILogger<AheadWarmer> logger)
{
    /// <summary>
    /// The active and priority entries of the widgets reading <paramref name="datasets"/>, computed at
    /// <paramref name="version"/>. Skipped, with nothing locked, for a message the invalidation service will not announce:
    /// an invalid one, a version folder that does not exist, a version older than the current one. Never throws.
    /// </summary>
    public async Task WarmAsync(string? studyId, DatasetLayer layer, IReadOnlyList<string>? datasets, string? version)
    {
        if (!Identifier.IsValid(studyId) || !DataVersion.IsValid(version) || datasets is not { Count: > 0 } || !datasets.All(Identifier.IsValid))
        {
            return;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var passes = datasets.Distinct(StringComparer.Ordinal).Select(dataset => new PendingPass(studyId!, layer, dataset, version!)).ToList();
            // Registered from the start: resolving 1,000 combinations takes a while, and an announcement heard meanwhile would
            // otherwise start its own warm, lock some of the keys first and scan the same files a second time.
            await ahead.RunAsync(passes, async () =>
            {
                if (await AheadWorkAsync(studyId!, layer, datasets, version!) is not { } work)
                {
                    return;
                }

                var outcomes = await pass.WarmAheadAsync(work, passes);
                SkippedTargets.LogFailures(studyId!, work, outcomes, logger);
                LogWarmedAhead(
                    logger, studyId!, string.Join(",", passes.Select(claimed => claimed.Dataset)), version!, work.Count,
                    outcomes.Count(outcome => outcome.Computed), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            });
        }
        catch (Exception exception)
        {
            LogAheadFailed(logger, studyId, version, exception.Message);
        }
    }

    /// <summary>The requests of an ahead pass, resolved against the study's versions with the datasets moved on; null to skip it.</summary>
    private async Task<IReadOnlyList<WidgetRequest>?> AheadWorkAsync(string studyId, DatasetLayer layer, IReadOnlyList<string> datasets, string version)
    {
        if (!store.StudyExists(studyId))
        {
            return null;
        }

        var view = await versions.ViewAsync(studyId);
        if (datasets.Any(dataset => view.Of(layer, dataset) is { } current && string.CompareOrdinal(current, version) > 0
            || !store.VersionFolderExists(studyId, layer, dataset, version)))
        {
            return null;
        }

        var readers = (await catalog.ListAsync(studyId))
            .Where(widget => widget.Layer == layer && datasets.Contains(widget.Dataset, StringComparer.Ordinal))
            .Select(widget => widget.WidgetId)
            .ToHashSet(StringComparer.Ordinal);
        if (readers.Count == 0)
        {
            return null;
        }

        var moved = view.With(layer, datasets, version);
        return await SkippedTargets.ResolveEachAsync(
            studyId, await targets.ForStudyAsync(studyId, readers, options.Value.MaxActiveCombinations),
            target => requests.ResolveAsync(studyId, target.WidgetId, target.Query, moved), logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed {StudyId} {Datasets} {Version} ahead of its announcement: {Targets} combinations, {Computed} computed, in {DurationMs} ms")]
    private static partial void LogWarmedAhead(ILogger logger, string studyId, string datasets, string version, int targets, int computed, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pass ahead of {StudyId} {Version} ended early (the warm its announcement causes covers it): {Reason}")]
    private static partial void LogAheadFailed(ILogger logger, string? studyId, string? version, string reason);
}
