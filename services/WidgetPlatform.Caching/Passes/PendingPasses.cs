using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Passes;

/// <summary>
/// The warmer's side of a pending pass: once it holds the locks of every entry its pass computes, it claims the pass, and
/// gateways' misses on that version stop waiting for it (they wait on the locks instead, or take the lock of an entry the
/// pass left out). The invalidation service marks passes pending as it advances the manifest mirror.
/// </summary>
public sealed class PendingPasses(IConnectionMultiplexer redis)
{
    // Only this version's mark: a newer version's pending pass is not this warm's to claim.
    private static readonly LuaScript ClaimScript = LuaScript.Prepare("""
        if redis.call('GET', @pass) == @version then return redis.call('DEL', @pass) end
        return 0
        """);

    public async Task ClaimAsync(IEnumerable<PendingPass> passes)
    {
        var database = redis.GetDatabase();
        await Task.WhenAll(passes.Distinct().Select(pass => database.ScriptEvaluateAsync(ClaimScript, new
        {
            pass = (RedisKey)RedisKeys.PendingPass(pass.StudyId, pass.Layer, pass.Dataset),
            version = pass.Version,
        })));
    }
}
