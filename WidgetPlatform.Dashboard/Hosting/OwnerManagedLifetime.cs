using Microsoft.Extensions.Hosting;

namespace WidgetPlatform.Dashboard.Hosting;

/// <summary>
/// Replaces the console lifetime: Ctrl+C and SIGTERM belong to the AppHost, which disposes the dashboard
/// after its children are stopped, so the dashboard must not react to them on its own.
/// </summary>
internal sealed class OwnerManagedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
