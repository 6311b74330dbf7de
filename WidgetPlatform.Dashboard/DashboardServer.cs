using Microsoft.AspNetCore.Builder;
using WidgetPlatform.Dashboard.Hosting;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Dashboard;

/// <summary>The AppHost's dashboard: its own small web server on 127.0.0.1, showing and driving an <see cref="IResourceControl"/>.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where the dashboard actually listens (the real port when 0 was asked for).</summary>
    public Uri Url { get; }

    /// <param name="url">http://127.0.0.1:{port} or http://localhost:{port}; port 0 picks a free one.</param>
    public static async Task<DashboardServer> StartAsync(IResourceControl control, Uri url, CancellationToken cancellationToken)
    {
        var app = DashboardApplication.Build(control, LoopbackPort.Of(url));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DashboardServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
