using MassTransit;
using WidgetPlatform.Caching.Invalidation;
using WidgetPlatform.Invalidation.Cleanup;
using WidgetPlatform.Invalidation.Consumers;
using WidgetPlatform.Invalidation.Datasets;
using WidgetPlatform.Invalidation.Ledger;
using WidgetPlatform.Invalidation.Manifests;
using WidgetPlatform.Invalidation.Validation;

namespace WidgetPlatform.Invalidation;

public static class Extensions
{
    /// <summary>The invalidation service's dependencies, each read through the connection string named as its AppHost resource.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformRedisClient("cache");
        builder.AddWidgetData();
        builder.AddWidgetCache();

        var services = builder.Services;
        services.AddSingleton<MessageChecks>();
        services.AddSingleton<InvalidationLedger>();
        services.AddSingleton<InvalidationStore>();
        services.AddSingleton<ManifestSeeding>();
        services.AddSingleton<ManifestFile>();
        services.AddSingleton<DatasetAdvancer>();
        services.AddSingleton<DatasetAnnouncer>();

        services.AddOptions<SupersededKeyOptions>().Bind(builder.Configuration.GetSection(SupersededKeyOptions.Section));
        services.AddSingleton<SupersededKeys>();
        services.AddSingleton<SupersededKeySweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<SupersededKeySweeper>());

        // Hosted services start in order: the mirror is seeded before the bus starts consuming.
        services.AddHostedService<ManifestSeedingService>();
        builder.AddMessageBus("messaging", bus =>
        {
            bus.AddConsumer<DataUploadedConsumer, DataUploadedConsumerDefinition>();
            bus.AddConsumer<PipelineCompletedConsumer, PipelineCompletedConsumerDefinition>();
            bus.AddConsumer<WidgetConfigurationChangedConsumer, WidgetConfigurationChangedConsumerDefinition>();
            bus.AddConsumer<ManualInvalidationRequestedConsumer, ManualInvalidationRequestedConsumerDefinition>();
        });
    }
}
