using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>Publishes this process's counters for the fleet-wide statistics every second.</summary>
public sealed partial class StatisticsPublisher(
    FleetStatisticsStore store, CacheCounters counters, InstanceIdentity identity, TimeProvider time, ILogger<StatisticsPublisher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.PublishAsync(new InstanceStatistics(identity.Id, identity.Service, time.GetUtcNow(), counters.Snapshot()));
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                LogPublishFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not publish statistics: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string reason);
}
