using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>Sums a scope's traffic buckets over a window, in one pipelined round trip.</summary>
public sealed class TrafficReader(IConnectionMultiplexer redis)
{
    /// <summary>The fleet's counters over <paramref name="window"/>.</summary>
    public async Task<TrafficCounts> FleetAsync(TrafficWindow window, DateTimeOffset now)
    {
        var fields = await ReadAsync(RedisKeys.FleetTrafficScope, window, now);
        return new TrafficCounts(fields);
    }

    /// <summary>A study's counters over <paramref name="window"/>, per widget.</summary>
    public async Task<IReadOnlyDictionary<string, TrafficCounts>> StudyAsync(string studyId, TrafficWindow window, DateTimeOffset now)
    {
        var widgets = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (name, value) in await ReadAsync(studyId, window, now))
        {
            if (TrafficFields.TrySplitWidget(name, out var widgetId, out var field))
            {
                if (!widgets.TryGetValue(widgetId, out var counts))
                {
                    widgets[widgetId] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                counts[field] = value;
            }
        }

        return widgets.ToDictionary(widget => widget.Key, widget => new TrafficCounts(widget.Value), StringComparer.Ordinal);
    }

    /// <summary>When the scope's statistics started (its first write), or null before any.</summary>
    public async Task<DateTimeOffset?> SinceAsync(string scope)
    {
        var since = await redis.GetDatabase().HashGetAsync(RedisKeys.TrafficTotal(scope), TrafficFields.Since);
        return since.TryParse(out long milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    /// <summary>A study's last invalidation, and how many it had in the hour before <paramref name="now"/>.</summary>
    public async Task<(DateTimeOffset? Last, long LastHour)> InvalidationsAsync(string studyId, DateTimeOffset now)
    {
        var database = redis.GetDatabase();
        var key = RedisKeys.InvalidationHistory(studyId);
        var latest = database.SortedSetRangeByRankWithScoresAsync(key, -1, -1);
        var lastHour = database.SortedSetLengthAsync(key, (now - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds(), double.PositiveInfinity);
        var last = await latest;
        return (last.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)last[0].Score), await lastHour);
    }

    private async Task<Dictionary<string, long>> ReadAsync(string scope, TrafficWindow window, DateTimeOffset now)
    {
        var database = redis.GetDatabase();
        var resolution = window.Bucket == TrafficWindow.FineBucket ? "5s" : "1m";
        var keys = window.Span is null
            ? [RedisKeys.TrafficTotal(scope)]
            : window.Buckets(now).Select(bucket => RedisKeys.TrafficBucket(scope, resolution, bucket)).ToList();
        var reads = keys.Select(key => database.HashGetAllAsync(key)).ToList();
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            foreach (var entry in await read)
            {
                if (entry.Name != TrafficFields.Since && entry.Value.TryParse(out long value))
                {
                    var field = entry.Name.ToString();
                    sum[field] = sum.GetValueOrDefault(field) + value;
                }
            }
        }

        return sum;
    }
}
