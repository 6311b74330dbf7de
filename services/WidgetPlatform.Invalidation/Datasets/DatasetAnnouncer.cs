using MassTransit;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Invalidation.Cleanup;

namespace WidgetPlatform.Invalidation.Datasets;

/// <summary>
/// Tells the platform about a dataset change: CacheInvalidated, then <c>manifest.json</c>, then the ledger, then the cleanup
/// of what it superseded.
/// </summary>
public sealed partial class DatasetAnnouncer(DatasetAdvancer advancer, SupersededKeySweeper sweeper, TimeProvider time, ILogger<DatasetAnnouncer> logger)
{
    /// <summary>
    /// Publishes through the consume context, inside the consume activity: the CacheInvalidated carries the trace of the
    /// message that caused it, so one trace follows an upload to the gateways and the warmer.
    /// </summary>
    public async Task AnnounceAsync(ConsumeContext context, DatasetChange change, string reason)
    {
        await context.Publish(new CacheInvalidated
        {
            StudyId = change.StudyId,
            Scope = InvalidationScope.Dataset,
            Layer = change.Layer,
            Datasets = change.Datasets,
            WidgetIds = [.. change.Widgets.Select(widget => widget.WidgetId)],
            PreviousVersion = change.PreviousVersion,
            CurrentVersion = change.CurrentVersion,
            Reason = reason,
            InvalidatedAt = time.GetUtcNow(),
        }, send => send.Headers.Set(StepTimings.Header, InvalidationTelemetry.StepsHeader), context.CancellationToken);

        // Once the broker confirmed the announcement, what records it runs to its end, though the consume is cancelled: a
        // broker killed just after its confirm cancels it (the connection is gone), and a file write or ledger mark given
        // up then left the redelivered message to announce the version a second time (found by the fault suite's
        // broker_killed: one version of 216 announced twice over five kills).
        await InvalidationTelemetry.StepAsync("manifest.file.sync", () => advancer.PersistAsync(change, CancellationToken.None));
        await InvalidationTelemetry.StepAsync("ledger.mark", () => advancer.MarkAnnouncedAsync(change));
        sweeper.Nudge(change.StudyId, change.Widgets);
        LogAnnounced(logger, change.StudyId, DatasetLayers.Name(change.Layer), string.Join(',', change.Datasets), change.PreviousVersion, change.CurrentVersion, change.Widgets.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{StudyId} {Layer} {Datasets}: {PreviousVersion} → {CurrentVersion}; {Widgets} widgets invalidated")]
    private static partial void LogAnnounced(ILogger logger, string studyId, string layer, string datasets, string? previousVersion, string currentVersion, int widgets);
}
