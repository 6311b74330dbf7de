using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Query.Tracking;

/// <summary>Writes the combinations requested in the last second to <c>active:{study}</c>, keeping the newest per study.</summary>
public sealed partial class ActiveCombinationsFlusher(
    ActiveCombinations combinations, IConnectionMultiplexer redis, IOptions<ActiveTrackingOptions> options, ILogger<ActiveCombinationsFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FlushAsync();
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // Tracking is best effort: losing a second of it only makes the next warm a little less complete.
                LogFlushFailed(logger, exception);
            }
        }
    }

    public async Task FlushAsync()
    {
        var database = redis.GetDatabase();
        var keep = options.Value.MaxPerStudy;
        foreach (var (studyId, seen) in combinations.Drain())
        {
            var key = RedisKeys.ActiveCombinations(studyId);
            var batch = database.CreateBatch();
            var added = batch.SortedSetAddAsync(key, [.. seen.Select(entry => new SortedSetEntry(entry.Combination, entry.LastSeen))]);
            var trimmed = batch.SortedSetRemoveRangeByRankAsync(key, 0, -(keep + 1));
            var expiry = batch.KeyExpireAsync(key, options.Value.Retention);
            batch.Execute();
            await Task.WhenAll(added, trimmed, expiry);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record active combinations")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
