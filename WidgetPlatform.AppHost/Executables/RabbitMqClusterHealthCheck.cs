using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Healthy while every member accepts an AMQP connection; degraded while a majority does (quorum queues, replicated on
/// every member, keep accepting and delivering), unhealthy below that.
/// </summary>
internal sealed class RabbitMqClusterHealthCheck(RabbitMqClusterResource cluster) : IHealthCheck, IAsyncDisposable
{
    private readonly RabbitMqServerHealthCheck[] _members = [.. cluster.Nodes.Select(node => new RabbitMqServerHealthCheck(node))];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(_members.Select(member => member.CheckHealthAsync(context, cancellationToken)));
        var down = cluster.Nodes.Where((_, index) => results[index].Status != HealthStatus.Healthy).Select(node => node.Name).ToList();
        var answering = results.Length - down.Count;
        var summary = $"{answering} of {results.Length} nodes accept AMQP connections" + (down.Count > 0 ? $" ({string.Join(", ", down)} not)." : ".");
        return down.Count == 0 ? HealthCheckResult.Healthy(summary)
            : answering > results.Length / 2 ? HealthCheckResult.Degraded(summary)
            : HealthCheckResult.Unhealthy(summary);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }
    }
}
