using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>Queue <c>warmer-cache-invalidated</c>.</summary>
public sealed class CacheInvalidatedConsumerDefinition(IOptions<ConsumerQueueOptions> options)
    : WarmingConsumerDefinition<CacheInvalidatedConsumer>(ServiceQueues.CacheInvalidated, options);
