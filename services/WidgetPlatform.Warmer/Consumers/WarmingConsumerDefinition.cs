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
    : ServiceQueueDefinition<TConsumer>(queueName, options.Value, DefaultRetryIntervals)
    where TConsumer : class, IConsumer
{
    /// <summary>0.1, 0.5 and 2 s.</summary>
    public static readonly TimeSpan[] DefaultRetryIntervals = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>A few messages at once: each warm already computes <see cref="Warming.WarmingOptions.Parallelism"/> entries in parallel.</summary>
    public const int DefaultConcurrentMessages = 2;
}
