using MassTransit;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// What every consumer queue of the platform's services is: named for the service (<c>invalidation-…</c>, <c>warmer-…</c>),
/// so another service consuming the same message gets a queue of its own, not a share of this one; a durable quorum queue
/// (docs/design.md §9: replicated in a RabbitMQ cluster, and a message is acknowledged only once handled, so a consumer killed
/// mid-stream loses none); read <see cref="ConsumerQueueOptions.ConcurrentMessages"/> at a time, retried in memory at the
/// configured intervals, then moved to <c>{queue}_error</c> with the reason. The broker has no delayed-exchange plugin, so
/// there is no delayed redelivery; a retry holds only the failing message, the queue's other messages go on meanwhile.
/// </summary>
public abstract class ServiceQueueDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly TimeSpan[] _retryIntervals;
    private readonly int _prefetchCount;

    protected ServiceQueueDefinition(string queueName, ConsumerQueueOptions options)
    {
        EndpointName = queueName;
        ConcurrentMessageLimit = options.ConcurrentMessages;
        _prefetchCount = options.PrefetchCount;
        _retryIntervals = options.RetryIntervals!; // Required: validated at start-up
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.PrefetchCount = _prefetchCount;
        }

        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(_retryIntervals);
            ConfigureRetry(retry);
        });
    }

    /// <summary>What a service adds to the retry policy: the exceptions that are final at once, say.</summary>
    protected virtual void ConfigureRetry(IRetryConfigurator retry)
    {
    }
}
