using MassTransit;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Events;

namespace WidgetPlatform.Query.Messaging;

/// <summary>Relays the warmer's StudyCacheWarmed to the study's open dashboards as <c>fresh-data</c>.</summary>
public sealed class StudyCacheWarmedConsumer(StudyEvents events) : IConsumer<StudyCacheWarmed>
{
    public Task Consume(ConsumeContext<StudyCacheWarmed> context)
    {
        events.Publish(context.Message.StudyId, StudyEvents.FreshData, context.Message);
        return Task.CompletedTask;
    }
}
