using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

internal static class QueuePolicy
{
    /// <summary>Messages read ahead per endpoint: enough for the concurrent handlers to stay busy.</summary>
    public const int PrefetchCount = 32;

    /// <summary>Handled at once per endpoint; versions may then be handled out of order, which the compare-and-set absorbs.</summary>
    public const int ConcurrentMessages = 8;

    /// <summary>
    /// A durable quorum queue (DESIGN §9): replicated in a RabbitMQ cluster, and messages are acknowledged only once handled,
    /// so a consumer killed mid-stream loses none.
    /// </summary>
    public static void DurableQuorum(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.PrefetchCount = PrefetchCount;
        }
    }
}
