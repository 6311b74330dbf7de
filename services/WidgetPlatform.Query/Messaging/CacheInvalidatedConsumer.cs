using System.Diagnostics;
using MassTransit;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Alerts;
using WidgetPlatform.Query.Events;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Query.Messaging;

/// <summary>
/// Every gateway replica receives every CacheInvalidated (its own temporary queue): it moves its version view forward at
/// once (G1 within milliseconds), drops in-process copies that keep their keys, and tells open dashboards. It is the end of
/// the event path: the steps the message went through upstream, its delivery and this replica's own are recorded here.
/// </summary>
public sealed class CacheInvalidatedConsumer(
    CurrentVersions versions, WidgetCatalog catalog, LocalEntries local, StudyEvents events, CacheCounters counters, WarmerLag warmerLag) : IConsumer<CacheInvalidated>
{
    public async Task Consume(ConsumeContext<CacheInvalidated> context)
    {
        var steps = StepTimings.Parse(context.Headers.Get<string>(StepTimings.Header));
        steps.AddWaitSince(EventPathStep.FanOutDelivery, context.SentTime);
        var message = context.Message;
        await steps.TimeAsync(EventPathStep.VersionsLearn, () => versions.LearnAsync(message.StudyId, message.Layer, message.Datasets, message.CurrentVersion));

        switch (message.Scope)
        {
            case InvalidationScope.Study:
                catalog.Forget(message.StudyId);
                local.DropStudy(message.StudyId);
                break;
            case InvalidationScope.Widget or InvalidationScope.Tags:
                catalog.Forget(message.StudyId);
                foreach (var widgetId in message.WidgetIds ?? [])
                {
                    local.Drop(message.StudyId, widgetId);
                }

                break;
        }

        // The message's id is the same in every replica's queue: the replicas' records of one invalidation are one.
        warmerLag.Invalidated(message.StudyId, message.InvalidatedAt);
        counters.RecordInvalidation(message.StudyId, context.MessageId?.ToString() ?? $"{message.InvalidatedAt.UtcTicks}:{message.Reason}", message.InvalidatedAt, message.Scope.ToString().ToLowerInvariant());
        await steps.TimeAsync(EventPathStep.EventsPublish, () =>
        {
            // The step's span is the current activity here.
            Activity.Current?.SetTag("widgetplatform.events.clients", events.Publish(message.StudyId, StudyEvents.VersionChanged, message));
            return Task.CompletedTask;
        });
        counters.EventPath.Record(steps);
    }
}
