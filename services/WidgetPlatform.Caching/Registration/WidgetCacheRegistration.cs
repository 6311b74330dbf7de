using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Partials;
using WidgetPlatform.Caching.Refresh;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Data.Compute;

namespace Microsoft.Extensions.Hosting;

/// <summary>The cache's read path, for the programs that answer widget requests (the gateway, the warmer).</summary>
public static class WidgetCacheRegistration
{
    /// <summary>
    /// The read path (<see cref="WidgetCache"/>) with everything it reads and the entries, index members and locks it writes:
    /// the manifest view, the widget catalog, the compute engine (<c>WidgetPlatform:Compute</c>), Redis entries, the
    /// stampede lock and the in-process layer (<c>WidgetPlatform:Cache</c>). Needs <see cref="WidgetDataRegistration.AddWidgetData"/> and a Redis client.
    /// </summary>
    public static void AddWidgetCache(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WidgetCacheOptions>().BindConfiguration(WidgetCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<WidgetCacheOptions>>().Value);
        services.AddOptions<WidgetComputeOptions>().BindConfiguration(WidgetComputeOptions.Section);
        services.AddSingleton<RedisSharedPartials>();
        services.AddSingleton(provider => new WidgetComputeEngine(
            provider.GetRequiredService<IOptions<WidgetComputeOptions>>().Value,
            provider.GetRequiredService<RedisSharedPartials>(),
            provider.GetRequiredService<CacheCounters>()));

        services.AddSingleton<ManifestMirror>();
        services.AddSingleton<CurrentVersions>();
        services.AddSingleton<WidgetCatalog>();
        services.AddSingleton<CanonicalFilters>();
        services.AddSingleton<WidgetRequests>();
        services.AddSingleton<WidgetComputer>();
        services.AddSingleton<RedisEntries>();
        services.AddSingleton<StampedeLock>();
        services.AddSingleton<LockReleases>();
        services.AddSingleton<LocalEntries>();
        services.AddSingleton<RedisCircuit>();
        services.AddSingleton(provider => new CacheCounters(provider.GetRequiredService<IOptions<CacheStatisticsOptions>>().Value.Enabled));
        services.AddSingleton<EntryFreshness>();
        services.AddSingleton<InFlightComputations>();
        services.AddSingleton<HolderWait>();
        services.AddSingleton<FencedComputation>();
        services.AddSingleton<RefreshAhead>();
        services.AddSingleton<WidgetCache>();
    }
}
