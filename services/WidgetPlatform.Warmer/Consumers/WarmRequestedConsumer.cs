using MassTransit;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>
/// An operator's warm-up (POST /api/cache/warmups or the CLI). A warm of every study becomes one message per study on this
/// same queue, so the warmer replicas share the studies out between them instead of one replica warming them all.
/// </summary>
public sealed class WarmRequestedConsumer(DataStore store, CurrentVersions versions, WidgetCatalog catalog, StudyWarmer warmer) : IConsumer<WarmRequested>
{
    public async Task Consume(ConsumeContext<WarmRequested> context)
    {
        var message = context.Message;
        if (message.StudyId is not { } studyId)
        {
            await context.PublishBatch(store.ListStudies().Select(study => message with { StudyId = study }), context.CancellationToken);
            return;
        }

        await versions.RefreshAsync(studyId);
        catalog.Forget(studyId);
        var unknown = (message.Ranges ?? []).FirstOrDefault(range => !NamedRange.IsKnown(range));
        if (unknown is not null)
        {
            throw new ArgumentException(NamedRange.NotKnown(unknown));
        }

        var requested = message.Ranges is { Count: > 0 } ranges ? new RequestedViews(ranges, message.Filters) : null;
        await warmer.WarmAsync(studyId, message.WidgetIds, message.Force, [], context.CancellationToken, requested);
    }
}
