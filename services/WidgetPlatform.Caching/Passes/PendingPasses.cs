using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Passes;

/// <summary>
/// The warmer's side of a pending pass: once it holds the locks of every entry its pass computes, it claims the pass, and
/// gateways' misses on that version stop waiting for it (they wait on the locks instead, or take the lock of an entry the
/// pass left out). The invalidation service marks passes pending as it advances the manifest mirror — unless the warmer
/// claimed the version's pass ahead, on hearing of the upload itself (<see cref="ClaimAheadAsync"/>).
/// </summary>
public sealed class PendingPasses(IConnectionMultiplexer redis, WidgetCacheOptions options)
{
    /// <summary>The value of a pass key that the warmer claimed before the version was announced: <c>claimed:{version}</c>.</summary>
    public const string ClaimedPrefix = "claimed:";

    // Only this version's mark: a newer version's pending pass is not this warm's to claim.
    private static readonly LuaScript ClaimScript = LuaScript.Prepare("""
        if redis.call('GET', @pass) == @version then return redis.call('DEL', @pass) end
        return 0
        """);

    // Replaces this version's mark, an older version's, or none, with the claim; a newer version's mark or claim stays.
    private static readonly LuaScript ClaimAheadScript = LuaScript.Prepare("""
        local current = redis.call('GET', @pass)
        if current then
          if string.sub(current, 1, #@prefix) == @prefix then current = string.sub(current, #@prefix + 1) end
          if current > @version then return 0 end
        end
        redis.call('SET', @pass, @prefix .. @version, 'PX', @ttlMs)
        return 1
        """);

    public Task ClaimAsync(IEnumerable<PendingPass> passes) =>
        Task.WhenAll(passes.Distinct().Select(pass => redis.GetDatabase().ScriptEvaluateAsync(ClaimScript, new { pass = KeyOf(pass), version = pass.Version })));

    /// <summary>
    /// Claims the passes of versions not announced yet, so that the announcement marks none of them pending: the claim
    /// outlives the pass's locks (<see cref="WidgetCacheOptions.LockTimeout"/>), by which time the announcement has come or
    /// the message was rejected.
    /// </summary>
    public Task ClaimAheadAsync(IEnumerable<PendingPass> passes) =>
        Task.WhenAll(passes.Distinct().Select(pass => redis.GetDatabase().ScriptEvaluateAsync(ClaimAheadScript, new
        {
            pass = KeyOf(pass),
            version = pass.Version,
            prefix = ClaimedPrefix,
            ttlMs = (long)options.LockTimeout.TotalMilliseconds,
        })));

    private static RedisKey KeyOf(PendingPass pass) => RedisKeys.PendingPass(pass.StudyId, pass.Layer, pass.Dataset);
}
