using MassTransit;
using WidgetPlatform.Clients.Messaging;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Invalidation.Cleanup;
using WidgetPlatform.Invalidation.Consumers;
using WidgetPlatform.Invalidation.Datasets;
using WidgetPlatform.Invalidation.Ledger;
using WidgetPlatform.Invalidation.Manifests;
using WidgetPlatform.Invalidation.Restarts;
using WidgetPlatform.Invalidation.Validation;
using WidgetPlatform.Invalidation.Widgets;

namespace WidgetPlatform.Invalidation;

public static class Extensions
{
    /// <summary>
    /// The invalidation service's dependencies, each read through the connection string named as its AppHost resource. It
    /// is the single writer of the manifest mirror, the widget epochs and its own ledger, and owns the sweep of widget
    /// indexes; it neither computes nor reads cached answers, so the cache's read path is not registered here.
    /// </summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformRedisClient("cache");
        builder.AddWidgetData();

        var services = builder.Services;
        services.AddOptions<InvalidationOptions>().BindConfiguration(InvalidationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MessageChecks>();
        services.AddSingleton<InvalidationLedger>();
        services.AddSingleton<RecentInvalidations>();
        services.AddSingleton<InvalidationStore>();
        services.AddSingleton<ManifestMirror>();
        services.AddSingleton<ManifestMirrorWriter>();
        services.AddSingleton<ManifestSeeding>();
        services.AddSingleton<ManifestFile>();
        services.AddSingleton<DatasetAdvancer>();
        services.AddSingleton<DatasetAnnouncer>();

        services.AddOptions<SupersededKeyOptions>().BindConfiguration(SupersededKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SupersededKeys>();
        services.AddSingleton<SupersededKeySweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<SupersededKeySweeper>());

        // Hosted services start in order: the mirror is seeded before the bus starts consuming.
        services.AddHostedService<ManifestSeedingService>();
        services.AddHostedService<RedisRestartRecovery>();
        // Eight at a time (two versions of a dataset may then be handled in either order: the compare-and-set absorbs it),
        // retried after 0.1, 0.5, 2, 5 and 15 s, long enough to outlast Redis or the disk briefly away, then the error queue.
        builder.AddConsumerQueues($"{InvalidationOptions.Section}:Queues", new ConsumerQueueOptions
        {
            ConcurrentMessages = 8,
            PrefetchCount = 32,
            RetryIntervals =
            [
                TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15),
            ],
        });
        builder.AddMessageBus("messaging", (bus, _) =>
        {
            bus.AddConsumer<DataUploadedConsumer, DataUploadedConsumerDefinition>();
            bus.AddConsumer<PipelineCompletedConsumer, PipelineCompletedConsumerDefinition>();
            bus.AddConsumer<WidgetConfigurationChangedConsumer, WidgetConfigurationChangedConsumerDefinition>();
            bus.AddConsumer<ManualInvalidationRequestedConsumer, ManualInvalidationRequestedConsumerDefinition>();
        });
    }
}
