using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.Invalidation.Cleanup;

/// <summary>
/// Removes, from one widget's index, entries that can never be served again: those of a data version older than the
/// manifest's (the widget's dataset advanced), and members whose entry has expired. Walks the index with SSCAN a bounded
/// step at a time, so memory does not grow with the number of versions and no call holds Redis for long; never KEYS.
/// </summary>
public sealed class SupersededKeys(IConnectionMultiplexer redis)
{
    // A member is "version:hash" (an earlier release's, the whole key "widget:{study}:widget:version:hash"); identifiers
    // hold no ':' (docs/design.md §3), so the version is the field before the last. Versions compare ordinally, as strings.
    private static readonly LuaScript StepScript = LuaScript.Prepare(RedisKeys.EntryOfIndexMemberLua + """
        local scan = redis.call('SSCAN', @index, @cursor, 'COUNT', @count)
        local current = redis.call('HGET', @manifest, @field)
        local removed = 0
        for _, member in ipairs(scan[2]) do
          local entry = entry_of(member)
          local version = string.match(member, '([^:]+):[^:]+$')
          if redis.call('EXISTS', entry) == 0 or (current and version and version < current) then
            redis.call('DEL', entry)
            redis.call('SREM', @index, member)
            removed = removed + 1
          end
        end
        return { scan[1], #scan[2], removed }
        """);

    /// <summary>
    /// One SSCAN step over the widget's index from <paramref name="cursor"/> (0 starts a walk). The result's cursor is 0
    /// when the walk is complete.
    /// </summary>
    public async Task<SupersededStep> StepAsync(string studyId, string widgetId, DatasetLayer layer, string dataset, long cursor, int count)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(StepScript, new
        {
            index = (RedisKey)RedisKeys.WidgetIndex(studyId, widgetId),
            prefix = WidgetCacheKey.WidgetPrefix(studyId, widgetId),
            manifest = (RedisKey)RedisKeys.Manifest(studyId),
            field = RedisKeys.ManifestField(layer, dataset),
            cursor,
            count,
        }))!;
        return new SupersededStep((long)result[0], (int)result[1], (int)result[2]);
    }
}
