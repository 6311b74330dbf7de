using System.Globalization;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// Adds a process's traffic to Redis: one script per scope increments the 5-second bucket, the minute bucket and the running
/// total together, and gives the buckets a lifetime just past the longest window that reads them, so what is kept stays
/// bounded: per study, about 73 small hashes of one field per widget and counter. Also records each study's invalidations.
/// </summary>
public sealed class TrafficStore(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan FineRetention = TrafficWindow.LongestFine + TrafficWindow.FineBucket + TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CoarseRetention = TrafficWindow.LongestCoarse + TrafficWindow.CoarseBucket + TimeSpan.FromMinutes(1);

    private const string AddScript = """
        for i = 4, #ARGV, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
          redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
          redis.call('HINCRBY', KEYS[3], ARGV[i], ARGV[i + 1])
        end
        redis.call('EXPIRE', KEYS[1], ARGV[1])
        redis.call('EXPIRE', KEYS[2], ARGV[2])
        redis.call('HSETNX', KEYS[3], 'since', ARGV[3])
        """;

    private const string InvalidationScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        """;

    /// <summary>Adds <paramref name="counts"/> (differences, never totals) to <paramref name="scope"/>'s buckets of <paramref name="now"/>.</summary>
    public Task AddAsync(string scope, IReadOnlyDictionary<string, long> counts, DateTimeOffset now)
    {
        var arguments = new RedisValue[3 + (2 * counts.Count)];
        arguments[0] = (long)FineRetention.TotalSeconds;
        arguments[1] = (long)CoarseRetention.TotalSeconds;
        arguments[2] = now.ToUnixTimeMilliseconds();
        var next = 3;
        foreach (var (field, value) in counts)
        {
            arguments[next++] = field;
            arguments[next++] = value;
        }

        RedisKey[] keys =
        [
            RedisKeys.TrafficBucket(scope, "5s", TrafficWindow.BucketOf(now, TrafficWindow.FineBucket)),
            RedisKeys.TrafficBucket(scope, "1m", TrafficWindow.BucketOf(now, TrafficWindow.CoarseBucket)),
            RedisKeys.TrafficTotal(scope),
        ];
        return redis.GetDatabase().ScriptEvaluateAsync(AddScript, keys, arguments);
    }

    public static readonly TimeSpan EntryHitsRetention = TimeSpan.FromDays(2);

    /// <summary>Adds answers served per entry of one study to the hash of <paramref name="day"/>, which lives two days.</summary>
    public Task AddEntryHitsAsync(string studyId, IReadOnlyList<(WidgetCacheKey Key, long Hits)> hits, DateOnly day)
    {
        var database = redis.GetDatabase();
        var key = RedisKeys.EntryHits(studyId, day);
        var batch = database.CreateBatch();
        List<Task> writes = [.. hits.Select(hit => batch.HashIncrementAsync(key, EntryHitsField(hit.Key), hit.Hits))];
        writes.Add(batch.KeyExpireAsync(key, EntryHitsRetention));
        batch.Execute();
        return Task.WhenAll(writes);
    }

    public static string EntryHitsField(WidgetCacheKey key) => TrafficFields.OfWidget(key.WidgetId, key.IndexMember);

    /// <summary>
    /// Records one invalidation of a study. Every gateway replica hears each one, so the member is the message's id: the
    /// replicas' records of one invalidation are one.
    /// </summary>
    public Task AddInvalidationAsync(string studyId, string invalidationId, DateTimeOffset at) =>
        redis.GetDatabase().ScriptEvaluateAsync(
            InvalidationScript,
            [RedisKeys.InvalidationHistory(studyId)],
            [invalidationId, at.ToUnixTimeMilliseconds(), (at - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)]);
}
