using MassTransit;
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
        builder.AddConsumerQueues($"{WarmingOptions.Section}:Queues", queues =>
        {
            queues.ConcurrentMessages = WarmingConsumerDefinition<CacheInvalidatedConsumer>.DefaultConcurrentMessages;
            queues.PrefetchCount = 2 * WarmingConsumerDefinition<CacheInvalidatedConsumer>.DefaultConcurrentMessages;
        });
        builder.AddMessageBus("messaging", bus =>
        {
            bus.AddConsumer<CacheInvalidatedConsumer, CacheInvalidatedConsumerDefinition>();
            bus.AddConsumer<WarmRequestedConsumer, WarmRequestedConsumerDefinition>();
        });

        builder.AddWidgetData();
        builder.AddWidgetCache();
        builder.AddCacheStatistics();
        builder.AddStaleLockCleanup();

        var services = builder.Services;
        services.AddOptions<WarmingOptions>().BindConfiguration(WarmingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WarmTargets>();
        services.AddScoped<StudyWarmer>();
        services.AddSingleton<ScheduleLease>();
        services.AddHostedService<ScheduledWarming>();
    }
}
