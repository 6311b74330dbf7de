using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>
/// Queue <c>warmer-uploaded-versions</c>, bound to DataUploaded and PipelineCompleted. A message that cannot even be read
/// is dropped here, not retried or moved to an error queue: the invalidation service's own copy goes to its error queue
/// with the reason, and one bad message must not be reported twice.
/// </summary>
public sealed class UploadedVersionConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : WarmingConsumerDefinition<UploadedVersionConsumer>(ServiceQueues.UploadedVersions, options)
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<UploadedVersionConsumer> consumerConfigurator, IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        endpointConfigurator.DiscardFaultedMessages();
    }

    protected override void ConfigureRetry(IRetryConfigurator retry) => retry.Ignore<Exception>();
}
