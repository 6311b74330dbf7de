namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>ASP.NET Core output caching stored in Redis, after authorization (so a refused caller never reaches the cache).</summary>
internal static class OutputCachePeer
{
    public static async Task<LoopbackApp> StartAsync(string name, string redis, string signingKey, PeerSource source, bool traced)
    {
        var builder = LoopbackApp.CreateBuilder(traced);
        builder.AddPeerAuth(signingKey);
        builder.Services.AddStackExchangeRedisOutputCache(options =>
        {
            options.Configuration = redis;
            options.InstanceName = $"bench-{name}:";
        });
        builder.Services.AddOutputCache();

        var app = builder.Build();
        app.UsePeerAuth();
        app.UseOutputCache();
        app.MapGet(PeerAuth.DataRoute, () => Results.Bytes(source.Load(), StaticCeiling.ContentType))
            .RequireAuthorization(PeerAuth.StudyPolicy)
            .CacheOutput(new AuthorizedRequestsPolicy());
        return await LoopbackApp.StartAsync(name, app);
    }
}
