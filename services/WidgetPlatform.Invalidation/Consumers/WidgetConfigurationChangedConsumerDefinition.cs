using MassTransit;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-widget-configuration-changed</c> (errors in <c>invalidation-widget-configuration-changed_error</c>): durable, quorum, retried with backoff.</summary>
public sealed class WidgetConfigurationChangedConsumerDefinition : ConsumerDefinition<WidgetConfigurationChangedConsumer>
{
    public WidgetConfigurationChangedConsumerDefinition()
    {
        // Named for the service: another service consuming WidgetConfigurationChanged gets a queue of its own, not a share of this one.
        EndpointName = "invalidation-widget-configuration-changed";
        ConcurrentMessageLimit = QueuePolicy.ConcurrentMessages;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<WidgetConfigurationChangedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        QueuePolicy.DurableQuorum(endpointConfigurator);
        endpointConfigurator.UseMessageRetry(RetryPolicy.TransientFailures);
    }
}
