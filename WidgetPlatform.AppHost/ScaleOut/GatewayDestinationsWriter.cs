using System.Text.Json;
using WidgetPlatform.AppHost.Executables;

namespace WidgetPlatform.AppHost.ScaleOut;

/// <summary>
/// Keeps the load balancer's list of gateway replicas (<c>ReverseProxy:Clusters:gateways:Destinations</c>) in a JSON file
/// that YARP reloads on change. Aspire's proxy in front of the replicas balances without knowing their health; the load
/// balancer needs each replica's own address to check it, and only the AppHost knows them (DCP chooses them at start).
/// </summary>
/// <remarks>One loop follows the replicas and writes; a replica that stopped stays listed, for the health checks to skip.</remarks>
internal sealed class GatewayDestinationsWriter(string gatewayName, int replicas, string file)
{
    private readonly Dictionary<string, string> _addresses = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _everyReplicaWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _written;

    /// <summary>Returns once the file lists every replica (the load balancer starts after the gateway).</summary>
    public Task WaitForEveryReplicaAsync(CancellationToken cancellationToken) => _everyReplicaWritten.Task.WaitAsync(cancellationToken);

    /// <summary>Follows the gateway's replicas for as long as the AppHost runs, rewriting the file when one moves.</summary>
    public async Task FollowAsync(ResourceNotificationService notifications, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Resource.Name == gatewayName && AddressOf(update.Snapshot) is { } address
                    && !(_addresses.TryGetValue(update.ResourceId, out var known) && known == address))
                {
                    _addresses[update.ResourceId] = address;
                    Write();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A replica's own address, as DCP gave it to the process (the first of <c>ASPNETCORE_URLS</c>).</summary>
    private static string? AddressOf(CustomResourceSnapshot snapshot) =>
        snapshot.EnvironmentVariables.FirstOrDefault(variable => variable.Name == "ASPNETCORE_URLS")?.Value is { Length: > 0 } urls
            ? urls.Split(';')[0]
            : null;

    private void Write()
    {
        var destinations = _addresses.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => new { Address = pair.Value });
        var json = JsonSerializer.Serialize(new { ReverseProxy = new { Clusters = new { gateways = new { Destinations = destinations } } } });
        if (json != _written)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            Secrets.ReplacePrivateFile(file, json);
            _written = json;
        }

        if (_addresses.Count >= replicas)
        {
            _everyReplicaWritten.TrySetResult();
        }
    }
}
