using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Cleanup;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Refresh;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The shared library's registrations, each a part a service opts into: the data root, the cache's read path, the
/// statistics every process publishes, the stale-lock cleanup. What only the invalidation service writes is not here.
/// </summary>
public static class WidgetCacheServiceCollectionExtensions
{
    /// <summary>The data root (<c>WidgetPlatform:DataRoot</c>) and the process's clock.</summary>
    public static void AddWidgetData(this IHostApplicationBuilder builder)
    {
        var root = builder.Configuration["WidgetPlatform:DataRoot"];
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new InvalidOperationException(
                "WidgetPlatform:DataRoot is not set (environment variable WidgetPlatform__DataRoot): the folder that holds studies/.");
        }

        builder.Services.AddSingleton(new DataStore(root));
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// The read path (<see cref="WidgetCache"/>) with everything it reads and the entries, index members and locks it writes:
    /// the manifest view, the widget catalog, the compute engine (<c>WidgetPlatform:Compute</c>), Redis entries, the
    /// stampede lock and the in-process layer (<c>WidgetPlatform:Cache</c>). Needs <see cref="AddWidgetData"/> and a Redis client.
    /// </summary>
    public static void AddWidgetCache(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WidgetCacheOptions>().BindConfiguration(WidgetCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<WidgetCacheOptions>>().Value);
        services.AddOptions<WidgetComputeOptions>().BindConfiguration(WidgetComputeOptions.Section);
        services.AddSingleton(provider => new WidgetComputeEngine(provider.GetRequiredService<IOptions<WidgetComputeOptions>>().Value));

        services.AddSingleton<ManifestMirror>();
        services.AddSingleton<CurrentVersions>();
        services.AddSingleton<WidgetCatalog>();
        services.AddSingleton<CanonicalFilters>();
        services.AddSingleton<WidgetRequests>();
        services.AddSingleton<WidgetComputer>();
        services.AddSingleton<RedisEntries>();
        services.AddSingleton<StampedeLock>();
        services.AddSingleton<LocalEntries>();
        services.AddSingleton<RedisCircuit>();
        services.AddSingleton<CacheCounters>();
        services.AddSingleton<EntryFreshness>();
        services.AddSingleton<InFlightComputations>();
        services.AddSingleton<HolderWait>();
        services.AddSingleton<FencedComputation>();
        services.AddSingleton<RefreshAhead>();
        services.AddSingleton<WidgetCache>();
    }

    /// <summary>This process's cache counters published to Redis every second, for the fleet statistics. Needs <see cref="AddWidgetCache"/>.</summary>
    public static void AddCacheStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheStatisticsOptions>().BindConfiguration(CacheStatisticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton<InstanceIdentity>();
        builder.Services.AddSingleton<FleetStatisticsStore>();
        builder.Services.AddHostedService<StatisticsPublisher>();
    }

    /// <summary>
    /// The removal of stampede locks no live computation holds (<see cref="StaleKeyCleanup"/>), judged by the configured
    /// <see cref="WidgetCacheOptions.LockTimeout"/>. Needs <see cref="AddWidgetCache"/>.
    /// </summary>
    public static void AddStaleLockCleanup(this IHostApplicationBuilder builder) => builder.Services.AddSingleton<StaleKeyCleanup>();
}
