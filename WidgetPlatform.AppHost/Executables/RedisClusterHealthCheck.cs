using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Healthy while every primary the client reaches says <c>cluster_state:ok</c> (all 16,384 slots served), over one long-lived
/// connection that follows the cluster's topology by itself.
/// </summary>
internal sealed class RedisClusterHealthCheck(RedisClusterResource cluster) : IHealthCheck, IAsyncDisposable
{
    private readonly RedisHealthConnection _connection = new(cluster);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _connection.GetAsync(cancellationToken);
            var primaries = connection.GetServers().Where(server => server.IsConnected && !server.IsReplica).ToList();
            foreach (var primary in primaries)
            {
                var info = (string?)await primary.ExecuteAsync("CLUSTER", "INFO").WaitAsync(TimeSpan.FromSeconds(2), cancellationToken) ?? "";
                if (!info.Contains("cluster_state:ok", StringComparison.Ordinal))
                {
                    return HealthCheckResult.Unhealthy($"{primary.EndPoint} says the cluster is not ok (some slot is not served).");
                }
            }

            return primaries.Count == 0
                ? HealthCheckResult.Unhealthy("No primary of the cluster answers.")
                : HealthCheckResult.Healthy($"{primaries.Count} primaries answer; every slot is served.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", e);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
