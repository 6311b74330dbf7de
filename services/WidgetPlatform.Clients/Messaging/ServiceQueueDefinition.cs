using MassTransit;
using StackExchange.Redis;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// What every consumer queue of the platform's services is: named for the service (<c>invalidation-…</c>, <c>warmer-…</c>),
/// so another service consuming the same message gets a queue of its own, not a share of this one; a durable quorum queue
/// (docs/design.md §9: replicated in a RabbitMQ cluster, and a message is acknowledged only once handled, so a consumer killed
/// mid-stream loses none); read <see cref="ConsumerQueueOptions.ConcurrentMessages"/> at a time, retried in memory at the
/// configured intervals, then moved to <c>{queue}_error</c> with the reason. The broker has no delayed-exchange plugin, so
/// there is no delayed redelivery; a retry holds only the failing message, the queue's other messages go on meanwhile.
/// A message that failed because Redis is away is not the message's fault: it is retried for as long as an outage is
/// expected to last (<see cref="ConsumerQueueOptions.RedisOutageRetryInterval"/> × <see cref="ConsumerQueueOptions.RedisOutageRetries"/>),
/// unacknowledged meanwhile, so a consumer that dies waiting leaves it to the broker; the fault suite's <c>redis_killed</c>
/// found uploads of a minute's outage in the error queue after the 22 s of ordinary retries.
/// </summary>
public abstract class ServiceQueueDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly TimeSpan[] _retryIntervals;
    private readonly int _prefetchCount;
    private readonly TimeSpan _redisOutageRetryInterval;
    private readonly int _redisOutageRetries;

    protected ServiceQueueDefinition(string queueName, ConsumerQueueOptions options)
    {
        EndpointName = queueName;
        ConcurrentMessageLimit = options.ConcurrentMessages;
        _prefetchCount = options.PrefetchCount;
        _retryIntervals = options.RetryIntervals!; // Required: validated at start-up
        _redisOutageRetryInterval = options.RedisOutageRetryInterval;
        _redisOutageRetries = options.RedisOutageRetries;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            rabbit.PrefetchCount = _prefetchCount;
        }

        // The outer policy sees only Redis being away, which the inner one passes straight up; each outer attempt runs the
        // inner policy afresh, so a message that fails for another reason after Redis is back still gets its retries.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<RedisConnectionException>();
            retry.Handle<RedisTimeoutException>();
            retry.Interval(_redisOutageRetries, _redisOutageRetryInterval);
        });
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Ignore<RedisConnectionException>();
            retry.Ignore<RedisTimeoutException>();
            retry.Intervals(_retryIntervals);
            ConfigureRetry(retry);
        });
    }

    /// <summary>What a service adds to the retry policy: the exceptions that are final at once, say.</summary>
    protected virtual void ConfigureRetry(IRetryConfigurator retry)
    {
    }
}
