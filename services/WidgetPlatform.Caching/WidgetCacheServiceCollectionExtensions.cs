using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace Microsoft.Extensions.Hosting;

public static class WidgetCacheServiceCollectionExtensions
{
    /// <summary>The data root (<c>WidgetPlatform:DataRoot</c>) and the compute engine, shared by every computation in the process.</summary>
    public static void AddWidgetData(this IHostApplicationBuilder builder)
    {
        var root = builder.Configuration["WidgetPlatform:DataRoot"];
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new InvalidOperationException(
                "WidgetPlatform:DataRoot is not set (environment variable WidgetPlatform__DataRoot): the folder that holds studies/.");
        }

        builder.Services.AddSingleton(new DataStore(root));
        builder.Services.AddSingleton(new WidgetComputeEngine(new WidgetComputeOptions { UseDailyPartials = true }));
    }

    /// <summary>
    /// The cache path (<see cref="WidgetCache"/>) with everything it reads: the manifest view, the widget catalog, Redis entries,
    /// the stampede lock and the in-process layer. Needs <see cref="AddWidgetData"/> and a Redis client.
    /// </summary>
    public static void AddWidgetCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WidgetCacheOptions>().Bind(builder.Configuration.GetSection(WidgetCacheOptions.Section));
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<WidgetCacheOptions>>().Value);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<ManifestMirror>();
        builder.Services.AddSingleton<CurrentVersions>();
        builder.Services.AddSingleton<WidgetCatalog>();
        builder.Services.AddSingleton<CanonicalFilters>();
        builder.Services.AddSingleton<WidgetRequests>();
        builder.Services.AddSingleton<WidgetComputer>();
        builder.Services.AddSingleton<RedisEntries>();
        builder.Services.AddSingleton<StampedeLock>();
        builder.Services.AddSingleton<LocalEntries>();
        builder.Services.AddSingleton<RedisCircuit>();
        builder.Services.AddSingleton<CacheCounters>();
        builder.Services.AddSingleton<WidgetCache>();

        builder.Services.AddSingleton<InstanceIdentity>();
        builder.Services.AddSingleton<FleetStatisticsStore>();
        builder.Services.AddHostedService<StatisticsPublisher>();
    }
}
