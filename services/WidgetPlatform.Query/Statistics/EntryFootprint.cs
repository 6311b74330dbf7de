using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Query.Statistics;

/// <summary>
/// How many entries a widget has in Redis and the memory they take: Redis's <c>MEMORY USAGE</c> of a random sample of its
/// index, scaled to the index's size — exact for small widgets, one pipelined round trip however large the widget.
/// </summary>
public static class EntryFootprint
{
    public const int Sampled = 100;

    public static async Task<(long Entries, long MemoryBytes)> MeasureAsync(IDatabase database, string studyId, string widgetId)
    {
        var index = RedisKeys.WidgetIndex(studyId, widgetId);
        var count = database.SetLengthAsync(index);
        var sample = await database.SetRandomMembersAsync(index, Sampled);
        var usages = sample.Select(member => RedisMemoryUsage.OfAsync(database, RedisKeys.EntryOfIndexMember(index, member.ToString()))).ToList();
        long measured = 0;
        long found = 0;
        foreach (var usage in usages)
        {
            if (await usage is { } bytes)
            {
                measured += bytes;
                found++;
            }
        }

        var entries = await count;
        return (entries, found == 0 ? 0 : measured * entries / sample.Length);
    }
}
