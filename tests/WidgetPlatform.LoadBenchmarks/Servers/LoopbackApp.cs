using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using WidgetPlatform.LoadBenchmarks.Platform;

namespace WidgetPlatform.LoadBenchmarks.Servers;

/// <summary>
/// A minimal ASP.NET Core app hosted by the benchmark on a free loopback port, without logging providers; or, traced,
/// with the platform's own ServiceDefaults (the gateway's OpenTelemetry setup) and its production sampling.
/// </summary>
internal sealed class LoopbackApp(string name, WebApplication app, Uri url) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Uri Url { get; } = url;

    public IServiceProvider Services => app.Services;

    public static WebApplicationBuilder CreateBuilder(bool traced = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (traced)
        {
            builder.Configuration.AddInMemoryCollection(ProductionSampling.Environment.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
            builder.AddServiceDefaults();
        }

        return builder;
    }

    public static async Task<LoopbackApp> StartAsync(string name, WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackApp(name, app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
