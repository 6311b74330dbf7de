using StackExchange.Redis;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// The one long-lived connection a Redis health check of the AppHost keeps, made at its first check from the resource's
/// connection string; it reconnects by itself when the server comes back.
/// </summary>
internal sealed class RedisHealthConnection(IResourceWithConnectionString redis) : IAsyncDisposable
{
    private ConnectionMultiplexer? _connection;

    public async Task<ConnectionMultiplexer> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var options = ConfigurationOptions.Parse(await redis.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "");
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.ClientName = "apphost-health";
            _connection = await ConnectionMultiplexer.ConnectAsync(options);
        }

        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
