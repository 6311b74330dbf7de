using MassTransit;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>An operator's warm-up (POST /api/cache/warmups or the CLI): one study, or every study.</summary>
public sealed class WarmRequestedConsumer(DataStore store, CurrentVersions versions, WidgetCatalog catalog, StudyWarmer warmer) : IConsumer<WarmRequested>
{
    public async Task Consume(ConsumeContext<WarmRequested> context)
    {
        var message = context.Message;
        var studies = message.StudyId is { } studyId ? [studyId] : store.ListStudies();
        foreach (var study in studies)
        {
            await versions.RefreshAsync(study);
            catalog.Forget(study);
            await warmer.WarmAsync(study, message.WidgetIds, message.Force, context.CancellationToken);
        }
    }
}
