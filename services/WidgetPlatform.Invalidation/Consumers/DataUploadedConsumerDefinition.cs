using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-data-uploaded</c> (errors in <c>invalidation-data-uploaded_error</c>): durable, quorum, retried with backoff.</summary>
public sealed class DataUploadedConsumerDefinition : ConsumerDefinition<DataUploadedConsumer>
{
    public DataUploadedConsumerDefinition()
    {
        // Named for the service: another service consuming DataUploaded gets a queue of its own, not a share of this one.
        EndpointName = "invalidation-data-uploaded";
        ConcurrentMessageLimit = QueuePolicy.ConcurrentMessages;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<DataUploadedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        QueuePolicy.DurableQuorum(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(RetryPolicy.TransientFailures);
    }
}
