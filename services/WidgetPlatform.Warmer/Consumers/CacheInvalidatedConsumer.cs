using MassTransit;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Contracts;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>
/// After an invalidation, the affected widgets' active and priority entries are recomputed for the new versions before
/// users ask (docs/design.md §7), in one pass over each new version's files. Warmer replicas share this queue, so each invalidation is warmed by one of them.
/// </summary>
public sealed class CacheInvalidatedConsumer(CurrentVersions versions, WidgetCatalog catalog, AheadPasses ahead, StudyWarmer warmer) : IConsumer<CacheInvalidated>
{
    public async Task Consume(ConsumeContext<CacheInvalidated> context)
    {
        var message = context.Message;
        await versions.LearnAsync(message.StudyId, message.Layer, message.Datasets, message.CurrentVersion);

        if (message.Scope is InvalidationScope.Widget or InvalidationScope.Tags or InvalidationScope.Study)
        {
            catalog.Forget(message.StudyId);
        }

        var widgets = message.Scope == InvalidationScope.Study ? null : message.WidgetIds;
        var passes = PendingPassesOf(message);
        // This process's pass ahead of the version, when it runs one, has the locks: the warm starts once it is done and finds its entries.
        await ahead.WhenDoneAsync(passes);
        await warmer.WarmAsync(message.StudyId, widgets, force: false, passes, context.CancellationToken);
    }

    /// <summary>A dataset change's new version has a pass pending, which this warm claims (docs/cache.md, "One pass per upload").</summary>
    private static PendingPass[] PendingPassesOf(CacheInvalidated message) =>
        message is { Layer: { } layer, Datasets: { } datasets, CurrentVersion: { } version }
            ? [.. datasets.Select(dataset => new PendingPass(message.StudyId, layer, dataset, version))]
            : [];
}
