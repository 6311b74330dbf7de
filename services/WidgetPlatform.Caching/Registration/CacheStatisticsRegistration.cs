using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Caching.Statistics.Traffic;

namespace Microsoft.Extensions.Hosting;

/// <summary>The fleet statistics a process opts into publishing.</summary>
public static class CacheStatisticsRegistration
{
    /// <summary>This process's cache counters published to Redis every second, for the fleet statistics and the statistics over time. Needs <see cref="WidgetCacheRegistration.AddWidgetCache"/>.</summary>
    public static void AddCacheStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheStatisticsOptions>().BindConfiguration(CacheStatisticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<InstanceIdentity>();
        builder.Services.AddSingleton<FleetStatisticsStore>();
        builder.Services.AddHostedService<StatisticsPublisher>();
        builder.Services.AddSingleton<TrafficStore>();
        builder.Services.AddSingleton<TrafficReader>();
        builder.Services.AddSingleton<TrafficFlusher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrafficFlusher>());
    }
}
