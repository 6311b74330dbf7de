using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>Queue <c>warmer-warm-requested</c>.</summary>
public sealed class WarmRequestedConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : WarmingConsumerDefinition<WarmRequestedConsumer>(ServiceQueues.WarmRequested, options);
