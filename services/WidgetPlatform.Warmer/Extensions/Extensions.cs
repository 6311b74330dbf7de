using MassTransit;
using WidgetPlatform.Warmer.Consumers;
using WidgetPlatform.Warmer.Scheduling;
using WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.Warmer;

public static class Extensions
{
    /// <summary>The warmer's dependencies, each read through the connection string named as its AppHost resource.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformRedisClient("cache");
        builder.AddMessageBus("messaging", bus =>
        {
            bus.AddConsumer<CacheInvalidatedConsumer, WarmingConsumerDefinition<CacheInvalidatedConsumer>>();
            bus.AddConsumer<WarmRequestedConsumer, WarmingConsumerDefinition<WarmRequestedConsumer>>();
        });

        builder.AddWidgetData();
        builder.AddWidgetCache();

        var services = builder.Services;
        services.AddOptions<WarmingOptions>().BindConfiguration(WarmingOptions.Section);
        services.AddSingleton<WarmTargets>();
        services.AddScoped<StudyWarmer>();
        services.AddSingleton<ScheduleLease>();
        services.AddSingleton<WidgetPlatform.Caching.Cleanup.StaleKeyCleanup>();
        services.AddHostedService<ScheduledWarming>();
    }
}
