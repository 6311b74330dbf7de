using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting.Health;

/// <summary>Healthy while an AMQP connection with the service's own credentials is open; reconnects when it is not.</summary>
public sealed class RabbitMqHealthProbe(string amqpUri) : IHealthProbe
{
    private readonly ConnectionFactory _factory = new()
    {
        Uri = new Uri(amqpUri),
        ClientProvidedName = "apphost-health",
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
    };

    private IConnection? _connection;

    public async Task<ResourceHealth> CheckAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true })
        {
            return ResourceHealth.Healthy;
        }

        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            _connection = await _factory.CreateConnectionAsync(cancellationToken);
            return ResourceHealth.Healthy;
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException)
        {
            _connection = null;
            return ResourceHealth.Unhealthy;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
