using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Locking;

/// <summary>
/// The distributed half of G4: one computation per key across every replica. A holder owns the lock by a random token and
/// for at most <see cref="WidgetCacheOptions.LockTimeout"/>, so a holder that dies blocks nobody past that.
/// </summary>
public sealed class StampedeLock(IConnectionMultiplexer redis, WidgetCacheOptions options)
{
    // Only the holder's token may release: a holder that outlived its lock must not release its successor's.
    private static readonly LuaScript ReleaseScript = LuaScript.Prepare("""
        if redis.call('GET', @lock) == @token then return redis.call('DEL', @lock) end
        return 0
        """);

    /// <summary>The holder's token, or null when another process holds the lock.</summary>
    public async Task<string?> TryAcquireAsync(WidgetCacheKey key)
    {
        var token = Guid.NewGuid().ToString("N");
        var acquired = await redis.GetDatabase().StringSetAsync(RedisKeys.Lock(key), token, options.LockTimeout, When.NotExists);
        return acquired ? token : null;
    }

    public async Task<bool> IsHeldAsync(WidgetCacheKey key) => await redis.GetDatabase().KeyExistsAsync(RedisKeys.Lock(key));

    public async Task ReleaseAsync(WidgetCacheKey key, string token) =>
        await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, new { @lock = (RedisKey)RedisKeys.Lock(key), token });
}
