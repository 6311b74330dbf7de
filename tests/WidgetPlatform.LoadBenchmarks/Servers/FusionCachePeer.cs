using ZiggyCreatures.Caching.Fusion;

namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>FusionCache: its memory L1 plus Redis through IDistributedCache (its Redis backplane is not on the mirror).</summary>
internal static class FusionCachePeer
{
    public static async Task<LoopbackApp> StartAsync(string name, string redis, string signingKey, PeerSource source, bool traced)
    {
        var builder = LoopbackApp.CreateBuilder(traced);
        builder.AddPeerAuth(signingKey);
        builder.Services.AddStackExchangeRedisCache(options =>
        {
            options.Configuration = redis;
            options.InstanceName = $"bench-{name}:";
        });
        builder.Services.AddFusionCache()
            .WithDefaultEntryOptions(new FusionCacheEntryOptions { Duration = TimeSpan.FromHours(1) })
            .WithSerializer(new JsonFusionSerializer())
            .WithRegisteredDistributedCache();

        var app = builder.Build();
        app.UsePeerAuth();
        app.MapGet(PeerAuth.DataRoute, async (string studyId, string widgetId, IFusionCache cache, CancellationToken cancellationToken) =>
            Results.Bytes(
                await cache.GetOrSetAsync<byte[]>($"{studyId}:{widgetId}", (_, _) => Task.FromResult(source.Load()), token: cancellationToken),
                StaticCeiling.ContentType))
            .RequireAuthorization(PeerAuth.StudyPolicy);
        return await LoopbackApp.StartAsync(name, app);
    }
}
