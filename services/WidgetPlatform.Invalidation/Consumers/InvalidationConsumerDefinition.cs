using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.Clients.Messaging;
using WidgetPlatform.Invalidation.Validation;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>
/// The invalidation service's queues (<c>invalidation-…</c>): the platform's queue rules, and a rejected message is final at
/// once — it goes to the error queue with its reason, since retrying cannot make it valid.
/// </summary>
public abstract class InvalidationConsumerDefinition<TConsumer>(string queueName, IOptions<ConsumerQueueOptions> options)
    : ServiceQueueDefinition<TConsumer>(queueName, options.Value, DefaultRetryIntervals)
    where TConsumer : class, IConsumer
{
    /// <summary>0.1, 0.5, 2, 5 and 15 s: long enough to outlast Redis or the disk briefly away, then the error queue.</summary>
    public static readonly TimeSpan[] DefaultRetryIntervals =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15),
    ];

    protected override void ConfigureRetry(IRetryConfigurator retry) => retry.Ignore<InvalidationRejectedException>();
}
