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
    : ServiceQueueDefinition<TConsumer>(queueName, options.Value)
    where TConsumer : class, IConsumer
{
    protected override void ConfigureRetry(IRetryConfigurator retry) => retry.Ignore<InvalidationRejectedException>();
}
