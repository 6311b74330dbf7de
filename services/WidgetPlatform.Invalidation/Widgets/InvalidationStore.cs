using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Invalidation.Restarts;

namespace WidgetPlatform.Invalidation.Widgets;

/// <summary>
/// Removes every stored answer of a widget (manual, tag and configuration invalidations). The epoch bump comes first and
/// is the fence of <see cref="WidgetPlatform.Caching.Entries.RedisEntries"/>: a computation that began before it can no longer store, so once the
/// index is drained nothing that was current before the invalidation comes back.
/// </summary>
public sealed class InvalidationStore(IConnectionMultiplexer redis, RecentInvalidations recent, IOptions<InvalidationOptions> options)
{
    // Every key touched shares the study's hash tag, so the script stays within one cluster slot.
    private static readonly LuaScript DrainScript = LuaScript.Prepare(RedisKeys.EntryOfIndexMemberLua + """
        -- A name that is no widget, never had an epoch and has no entries fences nothing: it writes nothing either, so that
        -- made-up names cannot grow the epochs hash.
        if @bump == '1' and (@known == '1' or redis.call('HEXISTS', @epochs, @widget) == 1 or redis.call('EXISTS', @index) == 1) then
          redis.call('HINCRBY', @epochs, @widget, 1)
        end
        local members = redis.call('SPOP', @index, @batch)
        for at, member in ipairs(members) do members[at] = entry_of(member) end
        for first = 1, #members, 500 do
          redis.call('DEL', unpack(members, first, math.min(first + 499, #members)))
        end
        return #members
        """);

    // The member is removed in both forms: as written now (version:hash) and whole, as an earlier release wrote it.
    private static readonly LuaScript DeleteEntryScript = LuaScript.Prepare("""
        redis.call('SREM', @index, @member, @key)
        return redis.call('DEL', @key)
        """);

    /// <summary>
    /// Deletes single entries and their index members, without bumping their widgets' epochs: an entry is fully determined by
    /// its key, so one that a computation in flight stores again is the same answer, not an older one.
    /// </summary>
    public async Task<long> DeleteEntriesAsync(IEnumerable<WidgetCacheKey> keys)
    {
        var database = redis.GetDatabase();
        long removed = 0;
        foreach (var key in keys)
        {
            removed += (long)await database.ScriptEvaluateAsync(DeleteEntryScript, new
            {
                index = (RedisKey)RedisKeys.WidgetIndex(key.StudyId, key.WidgetId),
                key = (RedisKey)key.Value,
                member = key.IndexMember,
            });
        }

        return removed;
    }

    /// <summary>Bumps the widget's epoch and deletes its indexed entries; returns how many index members were removed.</summary>
    /// <param name="known">
    /// Whether the widget is (or just was) defined. A name that is not is invalidated only if something of it is left in
    /// Redis (an epoch, an index): a deleted widget's leftovers go, a made-up name writes nothing.
    /// </param>
    /// <param name="record">Whether to keep it among the <see cref="RecentInvalidations"/>: not when it is their replay.</param>
    public async Task<long> InvalidateWidgetAsync(string studyId, string widgetId, bool known = true, bool record = true)
    {
        var database = redis.GetDatabase();
        var batch = options.Value.DrainBatch;
        long removed = 0;
        var bump = 1;
        while (true)
        {
            var popped = (long)await database.ScriptEvaluateAsync(DrainScript, new
            {
                epochs = (RedisKey)RedisKeys.WidgetEpochs(studyId),
                index = (RedisKey)RedisKeys.WidgetIndex(studyId, widgetId),
                prefix = WidgetCacheKey.WidgetPrefix(studyId, widgetId),
                widget = widgetId,
                bump,
                known = known ? 1 : 0,
                batch,
            });
            removed += popped;
            bump = 0;
            if (popped < batch)
            {
                if (record && (known || removed > 0))
                {
                    recent.Record(studyId, widgetId);
                }

                return removed;
            }
        }
    }
}
