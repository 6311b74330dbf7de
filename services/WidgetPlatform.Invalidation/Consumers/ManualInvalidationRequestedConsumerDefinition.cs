using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-manual-invalidation-requested</c> (errors in <c>invalidation-manual-invalidation-requested_error</c>): durable, quorum, retried with backoff.</summary>
public sealed class ManualInvalidationRequestedConsumerDefinition : ConsumerDefinition<ManualInvalidationRequestedConsumer>
{
    public ManualInvalidationRequestedConsumerDefinition()
    {
        // Named for the service: another service consuming ManualInvalidationRequested gets a queue of its own, not a share of this one.
        EndpointName = "invalidation-manual-invalidation-requested";
        ConcurrentMessageLimit = QueuePolicy.ConcurrentMessages;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ManualInvalidationRequestedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        QueuePolicy.DurableQuorum(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(RetryPolicy.TransientFailures);
    }
}
