using WidgetPlatform.Caching.Passes;
using MassTransit;
using WidgetPlatform.Clients.Messaging;
using WidgetPlatform.Warmer.Consumers;
using WidgetPlatform.Warmer.Scheduling;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer;

public static class Extensions
{
    /// <summary>
    /// The warmer's dependencies, each read through the connection string named as its AppHost resource. It computes through
    /// the same read path as the gateway, publishes its statistics, and owns the removal of stale stampede locks.
    /// </summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformRedisClient("cache");
        // Two messages at once (each warm is already one scan per dataset version on every core), retried briefly after 0.1,
        // 0.5 and 2 s: the scheduled warm covers what then goes to the error queue.
        builder.AddConsumerQueues($"{WarmingOptions.Section}:Queues", new ConsumerQueueOptions
        {
            ConcurrentMessages = 2,
            PrefetchCount = 4,
            RetryIntervals = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)],
        });
        builder.AddMessageBus("messaging", (bus, _) =>
        {
            bus.AddConsumer<CacheInvalidatedConsumer, CacheInvalidatedConsumerDefinition>();
            bus.AddConsumer<WarmRequestedConsumer, WarmRequestedConsumerDefinition>();
            bus.AddConsumer<UploadedVersionConsumer, UploadedVersionConsumerDefinition>();
        });

        builder.AddWidgetData();
        builder.AddWidgetCache();
        builder.AddCacheStatistics();
        builder.AddStaleLockCleanup();

        var services = builder.Services;
        services.AddOptions<WarmingOptions>().BindConfiguration(WarmingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WarmTargets>();
        services.AddSingleton<PendingPasses>();
        services.AddSingleton<AheadPasses>();
        services.AddSingleton<CachePass>();
        services.AddScoped<StudyWarmer>();
        services.AddScoped<AheadWarmer>();
        services.AddSingleton<ScheduleLease>();
        services.AddHostedService<ScheduledWarming>();
    }
}
