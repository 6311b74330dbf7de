using MassTransit;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Alerts;
using WidgetPlatform.Query.Events;

namespace WidgetPlatform.Query.Messaging;

/// <summary>Relays the warmer's StudyCacheWarmed to the study's open dashboards as <c>fresh-data</c>; the warmer has caught up with the study.</summary>
public sealed class StudyCacheWarmedConsumer(StudyEvents events, WarmerLag warmerLag) : IConsumer<StudyCacheWarmed>
{
    public Task Consume(ConsumeContext<StudyCacheWarmed> context)
    {
        warmerLag.Warmed(context.Message.StudyId, context.Message.WarmedAt);
        events.Publish(context.Message.StudyId, StudyEvents.FreshData, context.Message);
        return Task.CompletedTask;
    }
}
