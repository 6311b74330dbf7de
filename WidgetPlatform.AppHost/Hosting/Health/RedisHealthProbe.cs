using StackExchange.Redis;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Health;

/// <summary>PING over one long-lived connection, which reconnects by itself when the server comes back.</summary>
public sealed class RedisHealthProbe(string connectionString) : IHealthProbe
{
    private ConnectionMultiplexer? _connection;

    public async Task<ResourceHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync(Configure(connectionString));
            await _connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return ResourceHealth.Healthy;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return ResourceHealth.Unhealthy;
        }
    }

    private static ConfigurationOptions Configure(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.ClientName = "apphost-health";
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
