using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace WidgetPlatform.AppHost.DevState;

/// <summary>
/// Keeps <c>resources.json</c> (DESIGN §8) current for the admin CLI, scripts and outside test clients: every resource
/// with its state, health, PID, endpoints and connection string, plus the dashboard's URL and login link. It holds
/// passwords, so only its owner may read it.
/// </summary>
internal sealed class ResourcesFileWriter(
    ResourceNotificationService notifications,
    DistributedApplicationOptions options,
    IConfiguration configuration,
    StatePaths paths) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Snapshots arrive in bursts at start; the file is rewritten at most this often.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = Channel();
        var writing = WriteOnChangeAsync(changed.Reader, stoppingToken);
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                lock (_latest)
                {
                    _latest[update.ResourceId] = update;
                }

                changed.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        changed.Writer.Complete();
        await writing;
    }

    private static System.Threading.Channels.Channel<bool> Channel() =>
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite,
        });

    private async Task WriteOnChangeAsync(System.Threading.Channels.ChannelReader<bool> changes, CancellationToken stoppingToken)
    {
        while (await changes.WaitToReadAsync(CancellationToken.None))
        {
            changes.TryRead(out _);
            await WriteAsync(CancellationToken.None);
            if (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Coalesce, CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        List<ResourceEvent> updates;
        lock (_latest)
        {
            updates = [.. _latest.Values.OrderBy(update => update.ResourceId, StringComparer.Ordinal)];
        }

        var resources = new List<object>();
        // Hidden ones are Aspire's own helpers (a service's rebuilder), not part of the platform.
        foreach (var update in updates.Where(update => !update.Snapshot.IsHidden))
        {
            resources.Add(new
            {
                name = update.ResourceId,
                resource = update.Resource.Name,
                type = update.Snapshot.ResourceType,
                state = update.Snapshot.State?.Text,
                health = update.Snapshot.HealthStatus?.ToString(),
                pid = update.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value,
                exitCode = update.Snapshot.ExitCode,
                endpoints = update.Snapshot.Urls.Where(url => !url.IsInternal).Select(url => url.Url.TrimEnd('/')),
                connectionString = update.Resource is IResourceWithConnectionString withConnectionString
                    ? await withConnectionString.GetConnectionStringAsync(cancellationToken)
                    : null,
            });
        }

        var dashboard = DashboardUrl();
        Executables.Secrets.ReplacePrivateFile(paths.ResourcesFile, JsonSerializer.Serialize(new
        {
            dashboard,
            dashboardLogin = dashboard is not null && configuration["AppHost:BrowserToken"] is { Length: > 0 } token
                ? $"{dashboard}/login?t={token}"
                : dashboard,
            updatedAt = DateTimeOffset.UtcNow,
            resources,
        }, Json));
    }

    private string? DashboardUrl() =>
        options.DisableDashboard ? null : configuration["ASPNETCORE_URLS"]?.Split(';')[0].TrimEnd('/');
}
