using Microsoft.Extensions.Caching.Hybrid;

namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>HybridCache with Redis (Microsoft.Extensions.Caching.StackExchangeRedis) as L2; optionally with L1 off per entry.</summary>
internal static class HybridCachePeer
{
    public static async Task<LoopbackApp> StartAsync(string name, string redis, string signingKey, PeerSource source, bool localCache, bool traced)
    {
        var builder = LoopbackApp.CreateBuilder(traced);
        builder.AddPeerAuth(signingKey);
        builder.Services.AddStackExchangeRedisCache(options =>
        {
            options.Configuration = redis;
            options.InstanceName = $"bench-{name}:";
        });
        builder.Services.AddHybridCache(options => options.DefaultEntryOptions = new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromHours(1),
            LocalCacheExpiration = TimeSpan.FromHours(1),
        });
        var entryOptions = new HybridCacheEntryOptions
        {
            Expiration = TimeSpan.FromHours(1),
            LocalCacheExpiration = TimeSpan.FromHours(1),
            Flags = localCache ? HybridCacheEntryFlags.None : HybridCacheEntryFlags.DisableLocalCache,
        };

        var app = builder.Build();
        app.UsePeerAuth();
        app.MapGet(PeerAuth.DataRoute, async (string studyId, string widgetId, HybridCache cache, CancellationToken cancellationToken) =>
            Results.Bytes(
                await cache.GetOrCreateAsync($"{studyId}:{widgetId}", source, static (s, _) => ValueTask.FromResult(s.Load()), entryOptions, cancellationToken: cancellationToken),
                StaticCeiling.ContentType))
            .RequireAuthorization(PeerAuth.StudyPolicy);
        return await LoopbackApp.StartAsync(name, app);
    }
}
