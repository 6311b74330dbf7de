using MassTransit;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WidgetPlatform.Contracts;
using WidgetPlatform.Invalidation.Manifests;
using WidgetPlatform.Invalidation.Widgets;

namespace WidgetPlatform.Invalidation.Restarts;

/// <summary>
/// A Redis that restarted comes back empty (no persistence) or as its last snapshot (persistence on): a manifest mirror
/// older than the manifests on disk, widget epochs and entries from before the latest invalidations. Redis gives itself a
/// new <c>run_id</c> at every start; when a primary's changed, or a replica became a primary (a cluster's failover, after
/// asynchronous replication that may have missed the last writes; <see cref="RedisRunIds"/>), the mirror is seeded again
/// from disk (compare-and-set: only forward),
/// and the widgets invalidated within <see cref="InvalidationOptions.RedisRestartReplayWindow"/> are invalidated again and
/// announced, so that nothing they removed is served again, from Redis or from a gateway's memory that read it meanwhile.
/// </summary>
public sealed partial class RedisRestartRecovery(
    IConnectionMultiplexer redis,
    ManifestSeeding seeding,
    RecentInvalidations recent,
    InvalidationStore store,
    IBus bus,
    IOptions<InvalidationOptions> options,
    TimeProvider time,
    ILogger<RedisRestartRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RedisRunIds? known = null;
        using var timer = new PeriodicTimer(options.Value.RedisRestartCheckInterval, time);
        do
        {
            try
            {
                var current = await RedisRunIds.ReadAsync(redis);
                if (known is not null && current.RestartedSince(known))
                {
                    await RecoverAsync(stoppingToken);
                }

                // Only once recovered: a recovery cut short by Redis going away again is done again at the next look.
                known = known?.With(current) ?? current;
            }
            catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
            {
                // Redis away: the recovery is for when it is back, and its absence is the alerts' and health checks' news.
                LogRedisAway(logger, exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A watch that stopped would leave the next restart unrecovered: whatever failed is tried again at the next look.
                LogNotNow(logger, exception.GetType().Name, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await seeding.SeedAllAsync(cancellationToken);
        var replayed = 0;
        foreach (var (studyId, widgets) in recent.ByStudy())
        {
            foreach (var widget in widgets)
            {
                await store.InvalidateWidgetAsync(studyId, widget, known: true, record: false);
            }

            await bus.Publish(new CacheInvalidated
            {
                StudyId = studyId,
                Scope = InvalidationScope.Widget,
                WidgetIds = widgets,
                Reason = "RedisRestarted",
                InvalidatedAt = time.GetUtcNow(),
            }, cancellationToken);
            replayed += widgets.Length;
        }

        LogRecovered(logger, replayed, options.Value.RedisRestartReplayWindow.TotalMinutes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis restarted: manifest mirror seeded again from disk, {Widgets} widgets invalidated in the last {Minutes:0} min invalidated again")]
    private static partial void LogRecovered(ILogger logger, int widgets, double minutes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis restart check: Redis does not answer ({Reason})")]
    private static partial void LogRedisAway(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis restart check not done now ({Exception}: {Reason}); trying again at the next look")]
    private static partial void LogNotNow(ILogger logger, string exception, string reason);
}
