using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Circuit;

namespace WidgetPlatform.UnitTests.Caching;

/// <summary>
/// G6: the breaker's semantics, which Polly's had and the gateway's degradation relies on: a failure ratio over a rolling
/// window with a minimum throughput, a break during which Redis is not called, and one trial call half-open.
/// </summary>
public sealed class RedisCircuitTests
{
    private static readonly WidgetCacheOptions Options = new()
    {
        CircuitFailureRatio = 0.5,
        CircuitMinimumThroughput = 4,
        CircuitSamplingDuration = TimeSpan.FromSeconds(2),
        BreakDuration = TimeSpan.FromSeconds(5),
        RedisTimeout = TimeSpan.FromSeconds(1),
    };

    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger<RedisCircuit> _logger = new();
    private readonly RedisCircuit _circuit;
    private int _calls;

    public RedisCircuitTests() => _circuit = new RedisCircuit(Options, _time, _logger);

    [Fact]
    public async Task AClosedBreakerRunsTheCallAndReturnsItsValue()
    {
        var (succeeded, value) = await _circuit.TryAsync(() => Succeed(42));

        Assert.True(succeeded);
        Assert.Equal(42, value);
        Assert.True(_circuit.IsClosed);
    }

    [Fact]
    public async Task FailuresBelowTheMinimumThroughputDoNotOpenIt()
    {
        for (var call = 0; call < Options.CircuitMinimumThroughput - 1; call++)
        {
            Assert.False((await _circuit.TryAsync(Fail)).Succeeded);
        }

        Assert.True(_circuit.IsClosed);
    }

    [Fact]
    public async Task ItOpensAtTheFailureRatioAndThenDoesNotCallRedis()
    {
        await _circuit.TryAsync(() => Succeed(1));
        await _circuit.TryAsync(() => Succeed(1));
        await _circuit.TryAsync(Fail);
        Assert.True(_circuit.IsClosed);

        await _circuit.TryAsync(Fail);
        var callsWhenOpened = _calls;
        var (succeeded, _) = await _circuit.TryAsync(() => Succeed(1));

        Assert.False(_circuit.IsClosed);
        Assert.False(succeeded);
        Assert.Equal(callsWhenOpened, _calls);
    }

    [Fact]
    public async Task FailuresOlderThanTheSamplingWindowNoLongerCount()
    {
        for (var call = 0; call < 3; call++)
        {
            await _circuit.TryAsync(Fail);
        }

        _time.Advance(Options.CircuitSamplingDuration + TimeSpan.FromMilliseconds(300));
        await _circuit.TryAsync(Fail);

        Assert.True(_circuit.IsClosed);
    }

    [Fact]
    public async Task AfterTheBreakOneTrialRunsAndItsSuccessClosesTheBreaker()
    {
        await OpenAsync();
        _time.Advance(Options.BreakDuration - TimeSpan.FromMilliseconds(1));
        Assert.False((await _circuit.TryAsync(() => Succeed(1))).Succeeded);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var answer = new TaskCompletionSource<int>();
        var trial = _circuit.TryAsync(() => answer.Task).AsTask();
        var duringTrial = await _circuit.TryAsync(() => Succeed(2));
        answer.SetResult(3);

        Assert.False(duringTrial.Succeeded);
        Assert.Equal((true, 3), await trial);
        Assert.True(_circuit.IsClosed);
        Assert.Equal((true, 4), await _circuit.TryAsync(() => Succeed(4)));
    }

    [Fact]
    public async Task AFailedTrialOpensItForAnotherBreak()
    {
        await OpenAsync();
        _time.Advance(Options.BreakDuration);

        Assert.False((await _circuit.TryAsync(Fail)).Succeeded);
        Assert.False(_circuit.IsClosed);
        _time.Advance(Options.BreakDuration - TimeSpan.FromMilliseconds(1));
        var callsBefore = _calls;
        await _circuit.TryAsync(() => Succeed(1));
        Assert.Equal(callsBefore, _calls);
    }

    [Fact]
    public async Task ACallSlowerThanTheTimeoutIsAbandonedAndCountsAsAFailure()
    {
        var slow = Enumerable.Range(0, Options.CircuitMinimumThroughput)
            .Select(_ => _circuit.TryAsync(() => new TaskCompletionSource<int>().Task).AsTask())
            .ToList();
        _time.Advance(Options.RedisTimeout - TimeSpan.FromMilliseconds(1));
        Assert.All(slow, call => Assert.False(call.IsCompleted));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var outcomes = await Task.WhenAll(slow);

        Assert.All(outcomes, outcome => Assert.False(outcome.Succeeded));
        Assert.False(_circuit.IsClosed);
    }

    [Fact]
    public async Task AnErrorThatIsNotRedissPropagatesAndLeavesTheTrialToTheNextCall()
    {
        await OpenAsync();
        _time.Advance(Options.BreakDuration);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await _circuit.TryAsync<int>(() => throw new InvalidOperationException("a bug")));

        Assert.Equal((true, 5), await _circuit.TryAsync(() => Succeed(5)));
        Assert.True(_circuit.IsClosed);
    }

    [Fact]
    public async Task EachSwitchIntoAndOutOfBypassIsLoggedOnceWithItsCause()
    {
        await OpenAsync();
        _time.Advance(Options.BreakDuration);
        await _circuit.TryAsync(Fail);
        _time.Advance(Options.BreakDuration);
        await _circuit.TryAsync(() => Succeed(1));
        await _circuit.TryAsync(() => Succeed(2));

        var switches = _logger.Collector.GetSnapshot();
        Assert.Equal(2, switches.Count);
        Assert.Equal(LogLevel.Warning, switches[0].Level);
        Assert.Contains("Redis bypassed", switches[0].Message, StringComparison.Ordinal);
        Assert.Contains("RedisConnectionException: Redis is down", switches[0].Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Information, switches[1].Level);
        Assert.Contains("the cache is back after", switches[1].Message, StringComparison.Ordinal);
    }

    private async Task OpenAsync()
    {
        for (var call = 0; call < Options.CircuitMinimumThroughput; call++)
        {
            await _circuit.TryAsync(Fail);
        }

        Assert.False(_circuit.IsClosed);
    }

    private Task<int> Succeed(int value)
    {
        _calls++;
        return Task.FromResult(value);
    }

    private Task<int> Fail()
    {
        _calls++;
        return Task.FromException<int>(new RedisConnectionException(ConnectionFailureType.SocketFailure, "Redis is down"));
    }
}
