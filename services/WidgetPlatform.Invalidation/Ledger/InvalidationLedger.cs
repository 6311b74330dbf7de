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

    private static readonly LuaScript ClaimRevisionScript = LuaScript.Prepare("""
        local announced = tonumber(redis.call('HGET', @ledger, @widget) or '-1')
        local claimed = math.max(tonumber(redis.call('HGET', @claims, @widget) or '-1'), announced)
        local revision = tonumber(@revision)
        if claimed < revision then
          redis.call('HSET', @claims, @widget, revision)
          return {1, revision, announced}
        end
        return {0, claimed, announced}
        """);

    /// <summary>Per field: the newest version announced (null when none).</summary>
    public async Task<IReadOnlyList<string?>> ReadAnnouncedVersionsAsync(string studyId, IReadOnlyList<string> fields)
    {
        var announced = await redis.GetDatabase().HashGetAsync(
            InvalidationKeys.AnnouncedVersions(studyId), [.. fields.Select(field => (RedisValue)field)]);
        return [.. announced.Select(version => (string?)version)];
    }

    public async Task MarkVersionsAsync(string studyId, IReadOnlyList<string> fields, string version) =>
        await redis.GetDatabase().ScriptEvaluateAsync(MarkVersionsScript, new
        {
            ledger = (RedisKey)InvalidationKeys.AnnouncedVersions(studyId),
            fields = JsonSerializer.Serialize(fields),
            version,
        });

    /// <summary>
    /// Claims the revision for this handling by compare-and-set: claimed when it is newer than every revision claimed
    /// before. Returns the newest claimed revision after the call and the newest announced one (-1 for none).
    /// </summary>
    public async Task<RevisionClaim> ClaimRevisionAsync(string studyId, string widgetId, int revision)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ClaimRevisionScript, new
        {
            claims = (RedisKey)InvalidationKeys.ClaimedRevisions(studyId),
            ledger = (RedisKey)InvalidationKeys.AnnouncedRevisions(studyId),
            widget = widgetId,
            revision,
        }))!;
        return new RevisionClaim((int)result[0] == 1, (int)result[1], (int)result[2]);
    }

    public async Task MarkRevisionAsync(string studyId, string widgetId, int revision) =>
        await redis.GetDatabase().ScriptEvaluateAsync(MarkRevisionScript, new
        {
            ledger = (RedisKey)InvalidationKeys.AnnouncedRevisions(studyId),
            widget = widgetId,
            revision,
        });
}
