using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>
/// What every queue of this service is: durable, quorum, handled <see cref="QueuePolicy.ConcurrentMessages"/> at a time,
/// retried with backoff (<see cref="RetryPolicy"/>), errors in <c>{name}_error</c>. Queues are named for the service
/// (<c>invalidation-…</c>): another service consuming the same message gets a queue of its own, not a share of this one.
/// </summary>
public abstract class InvalidationConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected InvalidationConsumerDefinition(string endpointName)
    {
        EndpointName = endpointName;
        ConcurrentMessageLimit = QueuePolicy.ConcurrentMessages;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        QueuePolicy.DurableQuorum(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(RetryPolicy.TransientFailures);
    }
}
