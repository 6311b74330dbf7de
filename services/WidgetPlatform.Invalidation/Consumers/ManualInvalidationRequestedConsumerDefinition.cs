using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Queue <c>invalidation-manual-invalidation-requested</c>.</summary>
public sealed class ManualInvalidationRequestedConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : InvalidationConsumerDefinition<ManualInvalidationRequestedConsumer>(ServiceQueues.ManualInvalidationRequested, options);
