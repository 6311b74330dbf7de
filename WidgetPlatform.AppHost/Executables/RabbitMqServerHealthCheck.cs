using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>Healthy while an AMQP connection with the services' own credentials is open; reconnects when it is not.</summary>
internal sealed class RabbitMqServerHealthCheck(RabbitMqServerResource server) : IHealthCheck, IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_connection is { IsOpen: true })
        {
            return HealthCheckResult.Healthy();
        }

        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? ""),
                ClientProvidedName = "apphost-health",
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException)
        {
            _connection = null;
            return HealthCheckResult.Unhealthy("RabbitMQ does not accept an AMQP connection.", e);
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
