using MassTransit;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Events;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Query.Messaging;

/// <summary>
/// Every gateway replica receives every CacheInvalidated (its own temporary queue): it moves its version view forward at
/// once (G1 within milliseconds), drops in-process copies that keep their keys, and tells open dashboards.
/// </summary>
public sealed class CacheInvalidatedConsumer(
    CurrentVersions versions, WidgetCatalog catalog, LocalEntries local, StudyEvents events, CacheCounters counters) : IConsumer<CacheInvalidated>
{
    public async Task Consume(ConsumeContext<CacheInvalidated> context)
    {
        var message = context.Message;
        using (PlatformTelemetry.ActivitySource.StartActivity("versions.learn"))
        {
            await versions.LearnAsync(message.StudyId, message.Layer, message.Datasets, message.CurrentVersion);
        }

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

        counters.RecordInvalidation(message.InvalidatedAt);
        using var publishing = PlatformTelemetry.ActivitySource.StartActivity("events.publish");
        var clients = events.Publish(message.StudyId, StudyEvents.VersionChanged, message);
        publishing?.SetTag("widgetplatform.events.clients", clients);
    }
}
