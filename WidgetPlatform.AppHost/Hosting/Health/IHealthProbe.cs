using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Health;

/// <summary>Asks a running instance whether it can do its job.</summary>
public interface IHealthProbe : IAsyncDisposable
{
    Task<ResourceHealth> CheckAsync(CancellationToken cancellationToken);
}
