using MassTransit;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Invalidation.Validation;
using WidgetPlatform.Invalidation.Widgets;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>
/// A manual invalidation (the gateway's <c>POST /api/cache/invalidations</c> and entry deletion): the named widgets, the
/// widgets carrying the tags and those reading the datasets lose every stored answer; named entries are deleted alone;
/// when nothing is named, the whole study is invalidated.
/// </summary>
public sealed partial class ManualInvalidationRequestedConsumer(
    MessageChecks checks,
    DataStore store,
    InvalidationStore invalidation,
    TimeProvider time,
    ILogger<ManualInvalidationRequestedConsumer> logger) : IConsumer<ManualInvalidationRequested>
{
    public async Task Consume(ConsumeContext<ManualInvalidationRequested> context)
    {
        var message = context.Message;
        var study = checks.Study(message.StudyId);
        var selection = Selection(message);
        var entries = (message.EntryKeys ?? []).Select((key, index) => MessageChecks.EntryKey(key, study, index)).ToList();

        var widgets = await store.ListWidgetsAsync(study, context.CancellationToken);
        var targets = selection.Select(widgets, everyWhenEmpty: entries.Count == 0);
        var defined = widgets.Select(widget => widget.WidgetId).ToHashSet(StringComparer.Ordinal);
        long removed = 0;
        foreach (var widget in targets)
        {
            removed += await invalidation.InvalidateWidgetAsync(study, widget, known: defined.Contains(widget));
        }

        removed += await invalidation.DeleteEntriesAsync(entries);

        await context.Publish(new CacheInvalidated
        {
            StudyId = study,
            Scope = selection.IsEmpty && entries.Count == 0 ? InvalidationScope.Study
                : selection.Named.Count == 0 && selection.Datasets.Count == 0 && entries.Count == 0 ? InvalidationScope.Tags
                : InvalidationScope.Widget,
            WidgetIds = [.. targets.Concat(entries.Select(entry => entry.WidgetId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Tags = selection.Tags.Count > 0 ? [.. selection.Tags] : null,
            Reason = "ManualInvalidationRequested",
            InvalidatedAt = time.GetUtcNow(),
        }, context.CancellationToken);
        LogInvalidated(logger, study, targets.Count, entries.Count, removed);
    }

    private static WidgetSelection Selection(ManualInvalidationRequested message)
    {
        var datasets = (message.Datasets ?? []).Select(dataset => MessageChecks.Identifier(dataset, "dataset")).Distinct(StringComparer.Ordinal).ToList();
        if (datasets.Count > 0 && message.Layer is null)
        {
            throw new InvalidationRejectedException("datasets need a layer: source or transformed.");
        }

        return new WidgetSelection(
            [.. (message.WidgetIds ?? []).Select(widget => MessageChecks.Identifier(widget, "widgetId"))],
            [.. (message.Tags ?? []).Select(MessageChecks.Tag).Distinct(Data.Tag.Comparer)],
            message.Layer,
            datasets);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Manual invalidation of {StudyId}: {Widgets} widgets and {Entries} single entries, {Removed} entries removed")]
    private static partial void LogInvalidated(ILogger logger, string studyId, int widgets, int entries, long removed);
}
