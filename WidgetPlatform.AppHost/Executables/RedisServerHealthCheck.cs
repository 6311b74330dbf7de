using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// PING of this server itself over one long-lived connection, which reconnects by itself when the server comes back. To
/// the server, not the database: a cluster node's connection learns every node, and a keyless PING may go to any of them.
/// </summary>
internal sealed class RedisServerHealthCheck(RedisServerResource server) : IHealthCheck, IAsyncDisposable
{
    private readonly RedisHealthConnection _connection = new(server);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _connection.GetAsync(cancellationToken);
            var latency = await connection.GetServer("127.0.0.1", server.Port).PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer PING.", e);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
