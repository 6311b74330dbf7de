using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.UnitTests.Messaging;

/// <summary>
/// A service queue's retries (<see cref="ServiceQueueDefinition{TConsumer}"/>) on MassTransit's in-memory test harness: a
/// failure because Redis is away is retried for as long as an outage may last, any other failure only as often as configured.
/// </summary>
public sealed class RedisOutageRetryTests
{
    private static readonly ConsumerQueueOptions Queue = new()
    {
        ConcurrentMessages = 1,
        PrefetchCount = 1,
        RetryIntervals = [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)],
        RedisOutageRetryInterval = TimeSpan.FromMilliseconds(10),
        RedisOutageRetries = 8,
    };

    [Fact]
    public async Task AMessageFailingWhileRedisIsAwayIsHandledOnceItAnswersLongAfterTheOrdinaryRetries()
    {
        var attempts = await ConsumeAsync(new FailingFirst(6, () => new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is away")));

        Assert.Equal(7, attempts.Count);
        Assert.True(attempts.Handled);
        Assert.False(attempts.Faulted);
    }

    [Fact]
    public async Task ATimedOutRedisCallIsAnOutageToo()
    {
        var attempts = await ConsumeAsync(new FailingFirst(5, () => new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent)));

        Assert.True(attempts.Handled);
        Assert.Equal(6, attempts.Count);
    }

    [Fact]
    public async Task AnyOtherFailureIsRetriedAsConfiguredThenFaults()
    {
        var attempts = await ConsumeAsync(new FailingFirst(100, () => new InvalidOperationException("broken")));

        Assert.Equal(3, attempts.Count);
        Assert.True(attempts.Faulted);
        Assert.False(attempts.Handled);
    }

    [Fact]
    public async Task AnOutageLongerThanItsRetriesFaultsTheMessage()
    {
        var attempts = await ConsumeAsync(new FailingFirst(100, () => new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is away")));

        Assert.True(attempts.Faulted);
        // Each of the outage policy's 1 + 8 attempts runs the message once: the ordinary policy passes Redis failures up at once.
        Assert.Equal(9, attempts.Count);
    }

    private static async Task<FailingFirst> ConsumeAsync(FailingFirst attempts)
    {
        await using var provider = new ServiceCollection()
            .AddSingleton(attempts)
            .AddMassTransitTestHarness(bus => bus.AddConsumer<OutageConsumer, OutageQueueDefinition>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        await harness.Bus.Publish(new Ping(Guid.NewGuid()));
        attempts.Faulted = await harness.Published.Any<Fault<Ping>>();
        attempts.Handled = attempts.Count > attempts.Failures;
        await harness.Stop();
        return attempts;
    }

    public sealed record Ping(Guid Id);

    /// <summary>Fails the first <see cref="Failures"/> attempts with the exception given, then succeeds.</summary>
    public sealed class FailingFirst(int failures, Func<Exception> failure)
    {
        private int _count;

        public int Failures { get; } = failures;

        public int Count => Volatile.Read(ref _count);

        public bool Handled { get; set; }

        public bool Faulted { get; set; }

        public void Attempt()
        {
            if (Interlocked.Increment(ref _count) <= Failures)
            {
                throw failure();
            }
        }
    }

    public sealed class OutageConsumer(FailingFirst attempts) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            attempts.Attempt();
            return Task.CompletedTask;
        }
    }

    public sealed class OutageQueueDefinition() : ServiceQueueDefinition<OutageConsumer>("test-outage", Queue);
}
