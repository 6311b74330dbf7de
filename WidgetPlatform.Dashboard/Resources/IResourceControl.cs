namespace WidgetPlatform.Dashboard.Resources;

/// <summary>What the dashboard (and scripts) may see and do with the running resources.</summary>
public interface IResourceControl
{
    IReadOnlyList<ResourceSnapshot> GetResources();

    /// <summary>Up to <paramref name="max"/> most recent lines with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    /// <exception cref="KeyNotFoundException">No instance of that name.</exception>
    IReadOnlyList<LogLine> GetLogs(string instance, long afterSequence, int max);

    Task StartAsync(string instance, CancellationToken cancellationToken);

    Task StopAsync(string instance, CancellationToken cancellationToken);

    Task RestartAsync(string instance, CancellationToken cancellationToken);
}
