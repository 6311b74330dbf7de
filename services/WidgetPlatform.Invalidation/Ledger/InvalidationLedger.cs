using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Invalidation.Ledger;

/// <summary>
/// What this service has announced with CacheInvalidated (<see cref="InvalidationKeys"/>): the newest dataset version per
/// manifest field and the newest revision per widget. Marked only after the publish, and only ever forward.
/// </summary>
public sealed class InvalidationLedger(IConnectionMultiplexer redis)
{
    private static readonly LuaScript MarkVersionsScript = LuaScript.Prepare("""
        for _, field in ipairs(cjson.decode(@fields)) do
          local known = redis.call('HGET', @ledger, field)
          if (not known) or known < @version then redis.call('HSET', @ledger, field, @version) end
        end
        return 0
        """);

    private static readonly LuaScript MarkRevisionScript = LuaScript.Prepare("""
        local known = tonumber(redis.call('HGET', @ledger, @widget) or '-1')
        if known < tonumber(@revision) then redis.call('HSET', @ledger, @widget, @revision) end
        return 0
        """);

    /// <summary>Per field: the version the manifest mirror holds now and the newest one announced (null when none).</summary>
    public async Task<IReadOnlyList<(string? Current, string? Announced)>> ReadVersionsAsync(string studyId, IReadOnlyList<string> fields)
    {
        var database = redis.GetDatabase();
        var names = fields.Select(field => (RedisValue)field).ToArray();
        var current = database.HashGetAsync(RedisKeys.Manifest(studyId), names);
        var announced = database.HashGetAsync(InvalidationKeys.AnnouncedVersions(studyId), names);
        await Task.WhenAll(current, announced);
        return [.. fields.Select((_, index) => ((string?)current.Result[index], (string?)announced.Result[index]))];
    }

    public async Task MarkVersionsAsync(string studyId, IReadOnlyList<string> fields, string version) =>
        await redis.GetDatabase().ScriptEvaluateAsync(MarkVersionsScript, new
        {
            ledger = (RedisKey)InvalidationKeys.AnnouncedVersions(studyId),
            fields = JsonSerializer.Serialize(fields),
            version,
        });

    /// <summary>The newest revision of the widget announced, or null when none was.</summary>
    public async Task<int?> AnnouncedRevisionAsync(string studyId, string widgetId) =>
        (int?)await redis.GetDatabase().HashGetAsync(InvalidationKeys.AnnouncedRevisions(studyId), widgetId);

    public async Task MarkRevisionAsync(string studyId, string widgetId, int revision) =>
        await redis.GetDatabase().ScriptEvaluateAsync(MarkRevisionScript, new
        {
            ledger = (RedisKey)InvalidationKeys.AnnouncedRevisions(studyId),
            widget = widgetId,
            revision,
        });
}
