using MassTransit;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Query.Messaging;

public static class GatewayMessaging
{
    /// <summary>
    /// How long a replica's fan-out queue on a cluster outlives its last consumer: a replica that restarts within it finds
    /// what was announced meanwhile; one that is gone for good leaves nothing behind.
    /// </summary>
    private static readonly TimeSpan ReplicatedQueueExpiry = TimeSpan.FromMinutes(5);

    private static readonly string[] FanOutQueues = ["cache-invalidated-", "study-cache-warmed-"];

    /// <summary>
    /// The gateway's consumers are fan-out: each replica gets its own queue (named by its instance), because every replica
    /// must drop its own in-process copies and feed its own SSE clients. On one broker node it is a temporary queue. On a
    /// cluster it is a quorum queue on every node that expires once unused: a temporary queue lives on the node the replica
    /// is connected to, and when that node died every announcement until the replica reconnected elsewhere was lost to
    /// it and to its dashboards (the broker-node failover test, which checks that a dashboard hears every step of the
    /// version chain, failed one run in three with temporary queues).
    /// </summary>
    public static void AddGatewayConsumers(this IBusRegistrationConfigurator bus, string instanceId, AmqpConnectionString broker)
    {
        bus.AddConsumer<CacheInvalidatedConsumer>().Endpoint(endpoint => FanOut(endpoint, instanceId, broker.IsCluster));
        bus.AddConsumer<StudyCacheWarmedConsumer>().Endpoint(endpoint => FanOut(endpoint, instanceId, broker.IsCluster));
        if (broker.IsCluster)
        {
            bus.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && FanOutQueues.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    rabbit.SetQuorumQueue();
                    rabbit.QueueExpiration = ReplicatedQueueExpiry;
                }
            });
        }
    }

    private static void FanOut(IEndpointRegistrationConfigurator endpoint, string instanceId, bool replicated)
    {
        endpoint.InstanceId = instanceId;
        endpoint.Temporary = !replicated;
    }
}
