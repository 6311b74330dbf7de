using StackExchange.Redis;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Entries;

/// <summary>Widget entries in Redis: read as raw bytes, written only through the fence, large bodies compressed.</summary>
public sealed class RedisEntries(IConnectionMultiplexer redis, WidgetCacheOptions options)
{
    // The fence: an entry is stored only while its data version is still the manifest's (a slow computation of a superseded
    // version never lands) and while no invalidation bumped the widget's epoch since the computation began (a computation
    // that raced a manual invalidation never resurrects what it removed). The index lets both be undone without KEYS. It has
    // no TTL, so that a Redis at its memory limit (volatile-lfu evicts only keys with one) never evicts it while its entries
    // live: an evicted index would leave them out of the next manual invalidation. The invalidation service's sweep removes
    // members whose entry expired, and Redis deletes a set once it is empty.
    private static readonly LuaScript FencedSetScript = LuaScript.Prepare("""
        local current = redis.call('HGET', @manifest, @field)
        if current and current > @version then return 0 end
        local epoch = redis.call('HGET', @epochs, @widget) or '0'
        if epoch ~= @epoch then return -1 end
        redis.call('SET', @entry, @value, 'PX', @ttl)
        redis.call('SADD', @index, @member)
        return 1
        """);

    public async Task<CacheEntry?> GetAsync(WidgetCacheKey key)
    {
        var value = await redis.GetDatabase().StringGetLeaseAsync(key.Value);
        if (value is null)
        {
            return null;
        }

        // The lease's buffer is pooled; the entry outlives this call (it may go into the in-process layer), so copy once.
        using (value)
        {
            return CacheEntry.Read(value.Memory.ToArray(), key);
        }
    }

    /// <summary>Several entries in one round trip (MGET): a dashboard's keys share the study's hash slot.</summary>
    public async Task<CacheEntry?[]> GetManyAsync(IReadOnlyList<WidgetCacheKey> keys)
    {
        var values = await redis.GetDatabase().StringGetAsync([.. keys.Select(key => (RedisKey)key.Value)]);
        return [.. values.Select((value, index) => value.IsNull ? null : CacheEntry.Read((byte[])value!, keys[index]))];
    }

    /// <summary>The widget's fence epoch as it is now: pass it to <see cref="StoreAsync"/> after computing.</summary>
    public async Task<string> EpochAsync(WidgetCacheKey key) =>
        (string?)await redis.GetDatabase().HashGetAsync(RedisKeys.WidgetEpochs(key.StudyId), key.WidgetId) ?? "0";

    /// <summary>
    /// The fence epochs of many keys of one study, in their order, in one command: a pass over 1,000 combinations of a
    /// dozen widgets reads a dozen fields once instead of sending 1,000 commands.
    /// </summary>
    public async Task<string[]> EpochsAsync(string studyId, IReadOnlyList<WidgetCacheKey> keys)
    {
        var widgets = keys.Select(key => key.WidgetId).Distinct(StringComparer.Ordinal).ToArray();
        var values = await redis.GetDatabase().HashGetAsync(RedisKeys.WidgetEpochs(studyId), [.. widgets.Select(widget => (RedisValue)widget)]);
        var byWidget = widgets.Zip(values).ToDictionary(pair => pair.First, pair => (string?)pair.Second ?? "0", StringComparer.Ordinal);
        return [.. keys.Select(key => byWidget[key.WidgetId])];
    }

    public async Task<StoreOutcome> StoreAsync(WidgetRequest request, CacheEntry entry, string epoch)
    {
        var key = request.Key;
        var result = (int)await redis.GetDatabase().ScriptEvaluateAsync(FencedSetScript, new
        {
            manifest = (RedisKey)RedisKeys.Manifest(key.StudyId),
            epochs = (RedisKey)RedisKeys.WidgetEpochs(key.StudyId),
            index = (RedisKey)RedisKeys.WidgetIndex(key.StudyId, key.WidgetId),
            entry = (RedisKey)key.Value,
            member = key.IndexMember,
            field = RedisKeys.ManifestField(request.Definition.Layer, request.Definition.Dataset),
            version = request.DataVersion,
            widget = key.WidgetId,
            epoch,
            value = (RedisValue)entry.ForRedis(options.CompressEntriesFromBytes),
            ttl = entry.Metadata.TtlSeconds * 1000L,
        });

        return result switch
        {
            1 => StoreOutcome.Stored,
            0 => StoreOutcome.Superseded,
            _ => StoreOutcome.Invalidated,
        };
    }
}
