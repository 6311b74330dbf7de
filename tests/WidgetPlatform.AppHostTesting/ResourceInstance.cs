using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WidgetPlatform.AppHostTesting;

/// <summary>One running instance (a replica) of a resource as Aspire last reported it.</summary>
public sealed record ResourceInstance(string Id, string Resource, CustomResourceSnapshot Snapshot)
{
    public string? State => Snapshot.State?.Text;

    public HealthStatus? Health => Snapshot.HealthStatus;

    public bool IsRunning => State == KnownResourceStates.Running;

    /// <summary>Its process is gone (exited, finished, or never started), and only a Start command brings it back.</summary>
    public bool HasEnded => State == KnownResourceStates.Exited || State == KnownResourceStates.Finished || State == KnownResourceStates.FailedToStart;

    public bool IsRunningAndHealthy => IsRunning && Health == HealthStatus.Healthy;

    /// <summary>The process DCP started (for a project, the <c>dotnet run</c> that hosts the service).</summary>
    public int? Pid => Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value switch
    {
        int pid => pid,
        long pid => (int)pid,
        string text when int.TryParse(text, out var pid) => pid,
        _ => null,
    };

    /// <summary>This replica's own address, not the proxy that balances over all replicas.</summary>
    public Uri? DirectHttpEndpoint =>
        Snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == "ASPNETCORE_URLS")?.Value is { Length: > 0 } urls
            ? new Uri(urls.Split(';')[0])
            : null;

    /// <summary>The address the AppHost lists for the resource (its proxy): what a browser opens.</summary>
    public Uri? ListedHttpEndpoint =>
        Snapshot.Urls.FirstOrDefault(url => !url.IsInternal && url.Url.StartsWith("http:", StringComparison.Ordinal))?.Url is { } listed
            ? new Uri(listed)
            : null;

    public override string ToString() => $"{Id}: {State} {Health} pid {Pid}";
}
