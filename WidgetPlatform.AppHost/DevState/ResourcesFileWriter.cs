using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace WidgetPlatform.AppHost.DevState;

/// <summary>
/// Keeps <c>resources.json</c> (docs/design.md §8) current for the admin CLI, scripts and outside test clients: every resource
/// with its state, health, PID, endpoints and connection string, plus the dashboard's URL and login link. It holds
/// passwords, so only its owner may read it.
/// </summary>
internal sealed class ResourcesFileWriter(
    ResourceNotificationService notifications,
    StatePaths paths) : BackgroundService
{
    private const string DashboardResource = "aspire-dashboard";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Snapshots arrive in bursts at start; the file is rewritten at most this often.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // At once, so that no one reads the last run's ports, passwords and login token as if they were this run's.
        await WriteAsync(CancellationToken.None);
        // One pending change at most: a burst of snapshots becomes one write.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
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

    private async Task WriteOnChangeAsync(ChannelReader<bool> changes, CancellationToken stoppingToken)
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
        // Hidden ones are Aspire's own helpers (a service's rebuilder); the dashboard has fields of its own.
        foreach (var update in updates.Where(update => !update.Snapshot.IsHidden && update.Resource.Name != DashboardResource))
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

        var login = DashboardLogin(updates);
        Executables.Secrets.ReplacePrivateFile(paths.ResourcesFile, JsonSerializer.Serialize(new
        {
            dashboard = login?.GetLeftPart(UriPartial.Authority),
            dashboardLogin = login?.ToString(),
            updatedAt = DateTimeOffset.UtcNow,
            resources,
        }, Json));
    }

    /// <summary>
    /// The address the dashboard really answers on, as its own resource reports it: the configured one can differ (the
    /// test host moves every port), and only the AppHost knows the browser token, which the login link carries.
    /// </summary>
    private static Uri? DashboardLogin(IEnumerable<ResourceEvent> updates)
    {
        var urls = updates.Where(update => update.Resource.Name == DashboardResource).SelectMany(update => update.Snapshot.Urls)
            .Where(url => !url.IsInternal).Select(url => url.Url).ToList();
        var login = urls.FirstOrDefault(url => url.Contains("/login?", StringComparison.Ordinal))
            ?? urls.FirstOrDefault(url => url.StartsWith("http", StringComparison.Ordinal));
        return login is null ? null : new Uri(login);
    }
}
