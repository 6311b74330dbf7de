using MassTransit;
using WidgetPlatform.Invalidation.Widgets;
using WidgetPlatform.Invalidation.Cleanup;
using WidgetPlatform.Contracts;
using WidgetPlatform.Invalidation.Ledger;
using WidgetPlatform.Invalidation.Validation;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>
/// WidgetConfigurationChanged → that widget only: its stored answers are removed (the new revision changes its keys anyway,
/// docs/design.md §5) and CacheInvalidated says so. A revision not newer than the last one claimed is a duplicate or out of order.
/// </summary>
public sealed partial class WidgetConfigurationChangedConsumer(
    MessageChecks checks,
    InvalidationLedger ledger,
    InvalidationStore invalidation,
    TimeProvider time,
    ILogger<WidgetConfigurationChangedConsumer> logger) : IConsumer<WidgetConfigurationChanged>
{
    public async Task Consume(ConsumeContext<WidgetConfigurationChanged> context)
    {
        var message = context.Message;
        var study = checks.Study(message.StudyId);
        var widget = MessageChecks.Identifier(message.WidgetId, "widgetId");
        if (message.Revision < 0)
        {
            throw new InvalidationRejectedException($"Revision {message.Revision} of widget '{widget}' is negative.");
        }

        var claim = await ledger.ClaimRevisionAsync(study, widget, message.Revision);
        if (!claim.ShouldAnnounce(message.Revision, context.IsRedelivery()))
        {
            LogIgnored(logger, study, widget, message.Revision, claim.NewestClaimed);
            return;
        }

        var removed = await invalidation.InvalidateWidgetAsync(study, widget);
        await context.Publish(new CacheInvalidated
        {
            StudyId = study,
            Scope = InvalidationScope.Widget,
            WidgetIds = [widget],
            Reason = $"WidgetConfigurationChanged revision {message.Revision}",
            InvalidatedAt = time.GetUtcNow(),
        }, context.CancellationToken);
        await ledger.MarkRevisionAsync(study, widget, message.Revision);
        LogInvalidated(logger, study, widget, message.Revision, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{StudyId}/{WidgetId} revision {Revision}: {Removed} entries removed")]
    private static partial void LogInvalidated(ILogger logger, string studyId, string widgetId, int revision, long removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "WidgetConfigurationChanged {StudyId}/{WidgetId} revision {Revision} ignored: revision {Claimed} is already being or was announced")]
    private static partial void LogIgnored(ILogger logger, string studyId, string widgetId, int revision, int claimed);
}
