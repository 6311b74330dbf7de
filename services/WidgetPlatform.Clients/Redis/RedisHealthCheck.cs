using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace WidgetPlatform.Clients.Redis;

/// <summary>PINGs Redis; the registration's timeout bounds the wait and its failure status is what a failure reports.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A command to a disconnected multiplexer waits in its backlog for the whole command timeout: answer at once instead.
        if (!connection.IsConnected)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Not connected to Redis.");
        }

        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PING failed.", exception);
        }
    }
}
