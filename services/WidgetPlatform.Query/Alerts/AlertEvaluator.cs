using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics.Traffic;
using WidgetPlatform.Clients.Messaging;
using WidgetPlatform.Query.Statistics;

namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// Evaluates the alerts every <see cref="AlertOptions.EvaluationInterval"/> from the fleet's traffic in Redis, Redis's INFO,
/// the warmer's lag and the error queues; logs each alert once when it fires and once when it clears, with its figures.
/// Every gateway replica evaluates the same fleet-wide figures, so each one's health and API say the same, and one of them
/// logs each transition (<see cref="AlertTransitions"/>).
/// </summary>
public sealed partial class AlertEvaluator(
    AlertBoard board,
    AlertTransitions transitions,
    TrafficReader traffic,
    IConnectionMultiplexer redis,
    WarmerLag warmerLag,
    ErrorQueueDepths errorQueues,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
    : BackgroundService
{
    private readonly EvictionHistory _evictions = new();
    private AlertOptions _lastValid = options.CurrentValue;

    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        var settings = Settings();
        var now = time.GetUtcNow();
        var redisFigures = await RedisFigures.ReadAsync(redis);
        var window = await WindowAsync(settings.Window, now);
        var inputs = new AlertInputs(
            window,
            redisFigures,
            redisFigures.Available ? _evictions.Record(now, redisFigures.EvictedKeys, settings.Window) : 0,
            warmerLag.Longest(),
            await ErrorQueueMessagesAsync(cancellationToken));

        var (fired, cleared) = board.Update(AlertRules.Firing(inputs, settings), now, settings);
        foreach (var alert in fired)
        {
            if (await transitions.ClaimAsync(alert.Name, firing: true))
            {
                LogFired(logger, alert.Name, alert.Message, alert.Value, alert.Threshold);
            }
        }

        foreach (var alert in cleared)
        {
            if (await transitions.ClaimAsync(alert.Name, firing: false))
            {
                LogCleared(logger, alert.Name, now - alert.Since);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EvaluateAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (a broker timing out surfaces as a cancellation too), the next evaluation tries again.
                LogEvaluationFailed(logger, exception);
            }

            // Read each time: a changed interval applies from the next wait on.
            await Task.Delay(Settings().EvaluationInterval, time, stoppingToken);
        }
    }

    private async Task<TrafficCounts> WindowAsync(TimeSpan span, DateTimeOffset now)
    {
        try
        {
            return await traffic.FleetAsync(TrafficWindow.Of(span), now);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis away is its own alert; the traffic alerts wait for figures to judge.
            return TrafficCounts.Empty;
        }
    }

    private async Task<long?> ErrorQueueMessagesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await errorQueues.ReadAsync(cancellationToken)).Values.Sum();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogBrokerUnreachable(logger, exception.Message);
            return null;
        }
    }

    /// <summary>The options as configured now; while a reloaded configuration breaks their rules, the last valid ones.</summary>
    private AlertOptions Settings()
    {
        try
        {
            return _lastValid = options.CurrentValue;
        }
        catch (OptionsValidationException exception)
        {
            LogInvalidOptions(logger, exception.Message);
            return _lastValid;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Alert} fired: {Detail} (value {Value}, threshold {Threshold})")]
    private static partial void LogFired(ILogger logger, string alert, string detail, double value, double threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Alert} cleared after {Duration}")]
    private static partial void LogCleared(ILogger logger, string alert, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evaluate the alerts; trying again at the next interval")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert options as reloaded are invalid, the last valid ones stay in force: {Reason}")]
    private static partial void LogInvalidOptions(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Error-queue depths unavailable: {Reason}")]
    private static partial void LogBrokerUnreachable(ILogger logger, string reason);
}
