namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>
/// The ceiling: a bare Kestrel endpoint that returns given bytes, no auth, no cache, no middleware. Whatever the gateway
/// or a peer does on a hit costs the difference to this, measured in the same run.
/// </summary>
internal static class StaticCeiling
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>GET and POST <c>/static/{name}</c> answer the bytes registered under that name.</summary>
    public static async Task<LoopbackApp> StartAsync(IReadOnlyDictionary<string, byte[]> bodies)
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        app.MapGet("/static/{name}", (string name) => Results.Bytes(bodies[name], ContentType));
        app.MapPost("/static/{name}", (string name) => Results.Bytes(bodies[name], ContentType));
        return await LoopbackApp.StartAsync("ceiling_static", app);
    }
}
