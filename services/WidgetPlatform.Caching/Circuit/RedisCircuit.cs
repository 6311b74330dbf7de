using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace WidgetPlatform.Caching.Circuit;

/// <summary>
/// Every cache call to Redis goes through this breaker (G6): a Redis that is down or slow opens it, and while it is open the
/// cache is bypassed at once instead of every request waiting out a timeout; it closes by itself once a trial call succeeds.
/// Each switch into bypass is logged once with its cause, and each switch out of it once with how long it lasted.
/// </summary>
/// <remarks>
/// Polly's breaker, which this replaces, has the same semantics (failure ratio over a rolling window with a minimum
/// throughput, a break, one trial call half-open) but cost every Redis hit 1.07 KB of allocations for its resilience
/// context, outcome and callbacks (scripts/bench-micro.sh, RedisHitBenchmarks); here a closed breaker is one volatile read
/// before the call and one short lock after it, and a hit pays 0.26 KB, all of it the timeout's timer.
/// </remarks>
public sealed partial class RedisCircuit
{
    private static readonly Counter<long> Switches = PlatformTelemetry.Meter.CreateCounter<long>(
        "widgetplatform.cache.redis.bypass.switches", "{switch}", "Switches into Redis bypass (to=bypass) and out of it (to=cache)");

    private readonly Lock _gate = new();
    private readonly RollingFailureRate _health;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisCircuit> _logger;
    private readonly TimeSpan _timeout;
    private readonly long _breakTicks;
    private readonly double _failureRatio;
    private readonly int _minimumThroughput;
    private volatile CircuitState _state = CircuitState.Closed;
    private long _openUntil;
    private long _bypassSince;
    private bool _trialUnderway;

    public RedisCircuit(WidgetCacheOptions options, TimeProvider time, ILogger<RedisCircuit> logger)
    {
        _time = time;
        _logger = logger;
        _timeout = options.RedisTimeout;
        _breakTicks = ToTicks(options.BreakDuration);
        _failureRatio = options.CircuitFailureRatio;
        _minimumThroughput = options.CircuitMinimumThroughput;
        _health = new RollingFailureRate(ToTicks(options.CircuitSamplingDuration));
    }

    private enum CircuitState
    {
        Closed,
        Open,
        HalfOpen,
    }

    /// <summary>False while the breaker is open: the cache is being bypassed.</summary>
    public bool IsClosed => _state != CircuitState.Open;

    /// <summary>Runs a Redis call; false (and no value) when Redis failed, was too slow, or the breaker is open.</summary>
    public ValueTask<(bool Succeeded, T? Value)> TryAsync<T>(Func<Task<T>> call) => TryAsync(call, static call => call());

    /// <summary>The same, with the call's state passed in so that a hot path allocates no closure.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(bool Succeeded, T? Value)> TryAsync<TState, T>(TState state, Func<TState, Task<T>> call)
    {
        if (!TryEnter(out var trial))
        {
            return (false, default);
        }

        try
        {
            // StackExchange.Redis calls take no token: WaitAsync abandons a slow one with a TimeoutException, which counts
            // as a failure. It returns a task that already completed as it is, allocating nothing.
            var value = await call(state).WaitAsync(_timeout, _time, CancellationToken.None);
            Record(null, trial);
            return (true, value);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Record(exception, trial);
            return (false, default);
        }
        catch when (trial)
        {
            // Not Redis's fault (a bug, a cancelled caller): it says nothing about Redis's health, so the next call is the trial.
            lock (_gate)
            {
                _trialUnderway = false;
            }

            throw;
        }
    }

    /// <summary>Runs a Redis call whose result does not matter (a release, say); false when Redis failed or is being bypassed.</summary>
    public async ValueTask<bool> TryAsync(Func<Task> call)
    {
        var (succeeded, _) = await TryAsync(call, static async call =>
        {
            await call();
            return true;
        });
        return succeeded;
    }

    /// <summary>Closed: go. Open: go only as the one trial once the break is over. Half-open: wait for the trial's outcome.</summary>
    private bool TryEnter(out bool trial)
    {
        trial = false;
        if (_state == CircuitState.Closed)
        {
            return true;
        }

        lock (_gate)
        {
            if (_state == CircuitState.Closed)
            {
                return true;
            }

            if (_state == CircuitState.Open && _time.GetTimestamp() >= _openUntil)
            {
                _state = CircuitState.HalfOpen;
                _trialUnderway = false;
            }

            if (_state == CircuitState.HalfOpen && !_trialUnderway)
            {
                _trialUnderway = true;
                trial = true;
                return true;
            }

            return false;
        }
    }

    /// <param name="failure">What failed the call, or null when it succeeded.</param>
    private void Record(Exception? failure, bool trial)
    {
        var now = _time.GetTimestamp();
        var switched = Switch.None;
        (long Calls, long Failures) window = default;
        lock (_gate)
        {
            if (trial)
            {
                _trialUnderway = false;
                if (failure is not null)
                {
                    Open(now);
                }
                else
                {
                    _state = CircuitState.Closed;
                    _health.Reset(now);
                    switched = Switch.Closed;
                }
            }
            else if (_state == CircuitState.Closed)
            {
                // (A call that entered before the breaker opened and ends after it belongs to a window that is over.)
                _health.Add(failure is not null, now);
                if (failure is not null)
                {
                    window = _health.Sum(now);
                    if (window.Calls >= _minimumThroughput && window.Failures >= _failureRatio * window.Calls)
                    {
                        Open(now);
                        _bypassSince = now;
                        switched = Switch.Opened;
                    }
                }
            }
        }

        if (switched == Switch.Opened)
        {
            Switches.Add(1, new KeyValuePair<string, object?>("to", "bypass"));
            LogBypassStarted(_logger, window.Failures, window.Calls, failure!.GetType().Name, failure.Message);
        }
        else if (switched == Switch.Closed)
        {
            Switches.Add(1, new KeyValuePair<string, object?>("to", "cache"));
            LogBypassEnded(_logger, _time.GetElapsedTime(_bypassSince));
        }
    }

    private void Open(long now)
    {
        _state = CircuitState.Open;
        _openUntil = now + _breakTicks;
        _health.Reset(now);
    }

    private long ToTicks(TimeSpan duration) => (long)(duration.TotalSeconds * _time.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis bypassed: {Failures} of the last {Calls} calls failed, the last with {ExceptionType}: {Reason}. Answers are computed without the cache until a trial call succeeds")]
    private static partial void LogBypassStarted(ILogger logger, long failures, long calls, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again: the cache is back after {Duration} of bypass")]
    private static partial void LogBypassEnded(ILogger logger, TimeSpan duration);

    private enum Switch
    {
        None,
        Opened,
        Closed,
    }
}
