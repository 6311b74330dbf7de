using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// A combination that no longer fits (a widget deleted, a filter column dropped) is skipped with a warning, not retried:
/// when its request is resolved, and when its computation fails. The same for a warm and for a pass ahead.
/// </summary>
internal static partial class SkippedTargets
{
    /// <summary>The targets' requests, in order, without those that no longer resolve.</summary>
    public static async Task<List<WidgetRequest>> ResolveEachAsync(
        string studyId, IEnumerable<WarmTarget> work, Func<WarmTarget, ValueTask<WidgetRequest>> resolve, ILogger logger)
    {
        var resolved = new List<WidgetRequest>();
        foreach (var target in work)
        {
            try
            {
                resolved.Add(await resolve(target));
            }
            catch (Exception exception) when (IsSkippable(exception))
            {
                LogSkipped(logger, studyId, target.WidgetId, exception.Message);
            }
        }

        return resolved;
    }

    /// <param name="outcomes">One per request of <paramref name="resolved"/>, as a pass returns them.</param>
    public static void LogFailures(string studyId, IReadOnlyList<WidgetRequest> resolved, WarmOutcome[] outcomes, ILogger logger)
    {
        for (var index = 0; index < outcomes.Length; index++)
        {
            if (outcomes[index].Error is { } error)
            {
                LogSkipped(logger, studyId, resolved[index].Key.WidgetId, error.Message);
            }
        }
    }

    private static bool IsSkippable(Exception exception) =>
        exception is WidgetNotFoundException or DatasetNotFoundException or WidgetQueryException or WidgetDefinitionException or DatasetReadException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped warming {StudyId}/{WidgetId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string studyId, string widgetId, string reason);
}
