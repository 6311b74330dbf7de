using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.Warmer.Consumers;

/// <summary>
/// The warmer's queues (<c>warmer-…</c>), shared by its replicas so each message is warmed once. Warming is best effort: a
/// failure (Redis away) is retried briefly, then the message goes to the error queue with its reason, and the scheduled warm
/// covers the gap.
/// </summary>
public abstract class WarmingConsumerDefinition<TConsumer>(string queueName, IOptions<ConsumerQueueOptions> options)
    : ServiceQueueDefinition<TConsumer>(queueName, options.Value)
    where TConsumer : class, IConsumer;
