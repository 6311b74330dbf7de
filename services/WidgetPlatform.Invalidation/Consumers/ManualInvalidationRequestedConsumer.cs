using MassTransit;
using WidgetPlatform.Invalidation.Widgets;
using WidgetPlatform.Invalidation.Cleanup;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Invalidation.Validation;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>
/// A manual invalidation (the gateway's <c>POST /api/cache/invalidations</c>): only the named widgets and the widgets
/// carrying the tags — or, when neither is given, the whole study — lose their stored answers.
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
        var named = (message.WidgetIds ?? []).Select(widget => MessageChecks.Identifier(widget, "widgetId")).ToList();
        var tags = (message.Tags ?? []).Select(MessageChecks.Tag).Distinct(Tag.Comparer).ToList();

        var widgets = await store.ListWidgetsAsync(study, context.CancellationToken);
        var targets = WidgetSelection.Select(widgets, named, tags);
        long removed = 0;
        foreach (var widget in targets)
        {
            removed += await invalidation.InvalidateWidgetAsync(study, widget);
        }

        await context.Publish(new CacheInvalidated
        {
            StudyId = study,
            Scope = named.Count > 0 ? InvalidationScope.Widget : tags.Count > 0 ? InvalidationScope.Tags : InvalidationScope.Study,
            WidgetIds = targets,
            Tags = tags.Count > 0 ? tags : null,
            Reason = "ManualInvalidationRequested",
            InvalidatedAt = time.GetUtcNow(),
        }, context.CancellationToken);
        LogInvalidated(logger, study, targets.Count, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Manual invalidation of {StudyId}: {Widgets} widgets, {Removed} entries removed")]
    private static partial void LogInvalidated(ILogger logger, string studyId, int widgets, long removed);
}
