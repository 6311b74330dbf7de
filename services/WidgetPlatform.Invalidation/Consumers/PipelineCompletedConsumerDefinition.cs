using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-pipeline-completed</c> (errors in <c>invalidation-pipeline-completed_error</c>): durable, quorum, retried with backoff.</summary>
public sealed class PipelineCompletedConsumerDefinition : ConsumerDefinition<PipelineCompletedConsumer>
{
    public PipelineCompletedConsumerDefinition()
    {
        // Named for the service: another service consuming PipelineCompleted gets a queue of its own, not a share of this one.
        EndpointName = "invalidation-pipeline-completed";
        ConcurrentMessageLimit = QueuePolicy.ConcurrentMessages;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<PipelineCompletedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        QueuePolicy.DurableQuorum(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(RetryPolicy.TransientFailures);
    }
}
