using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>Publishes this process's counters for the fleet-wide statistics every <see cref="CacheStatisticsOptions.PublishInterval"/>.</summary>
public sealed partial class StatisticsPublisher(
    FleetStatisticsStore store,
    CacheCounters counters,
    InstanceIdentity identity,
    IOptions<CacheStatisticsOptions> options,
    TimeProvider time,
    ILogger<StatisticsPublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.PublishAsync(new InstanceStatistics(identity.Id, identity.Service, time.GetUtcNow(), counters.Snapshot(), ProcessFigures.Now()));
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogPublishFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not publish statistics; trying again at the next interval")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
