using StackExchange.Redis;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Locking;

/// <summary>
/// The distributed half of G4: one computation per key across every replica. A holder owns the lock by a random token and
/// for at most <see cref="WidgetCacheOptions.LockTimeout"/>, so a holder that dies blocks nobody past that.
/// </summary>
public sealed class StampedeLock(IConnectionMultiplexer redis, WidgetCacheOptions options)
{
    // Only the holder's token may release: a holder that outlived its lock must not release its successor's.
    // The release is published, so that waiters (LockReleases) look for the entry at once.
    private static readonly LuaScript ReleaseScript = LuaScript.Prepare("""
        if redis.call('GET', @lock) == @token then
          redis.call('DEL', @lock)
          redis.call('PUBLISH', @channel, @lock)
          return 1
        end
        return 0
        """);

    // A pending pass of the request's dataset version comes first: the warmer is about to lock the keys it computes.
    private static readonly LuaScript AcquireUnlessPassPendingScript = LuaScript.Prepare("""
        if redis.call('GET', @pass) == @version then return -1 end
        if redis.call('SET', @lock, @token, 'PX', @timeoutMs, 'NX') then return 1 end
        return 0
        """);

    /// <summary>The holder's token, or null when another process holds the lock.</summary>
    public async Task<string?> TryAcquireAsync(WidgetCacheKey key)
    {
        var token = NewToken();
        var acquired = await redis.GetDatabase().StringSetAsync(RedisKeys.Lock(key), token, options.LockTimeout, When.NotExists);
        return acquired ? token : null;
    }

    /// <summary>A user request's try: as <see cref="TryAcquireAsync"/>, but never ahead of a pending pass of its dataset version.</summary>
    public async Task<(LockAttempt Attempt, string? Token)> TryAcquireForRequestAsync(WidgetRequest request)
    {
        var token = NewToken();
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(AcquireUnlessPassPendingScript, new
        {
            pass = (RedisKey)RedisKeys.PendingPass(request.StudyId, request.Definition.Layer, request.Definition.Dataset),
            version = request.DataVersion,
            @lock = (RedisKey)RedisKeys.Lock(request.Key),
            token,
            timeoutMs = (long)options.LockTimeout.TotalMilliseconds,
        });
        return result switch
        {
            1 => (LockAttempt.Held, token),
            -1 => (LockAttempt.PassPending, null),
            _ => (LockAttempt.Taken, null),
        };
    }

    /// <summary>The warmer's pass: one try for each key, pipelined; a null token where another process holds the lock.</summary>
    public async Task<string?[]> TryAcquireManyAsync(IReadOnlyList<WidgetCacheKey> keys)
    {
        var database = redis.GetDatabase();
        var tokens = keys.Select(_ => NewToken()).ToArray();
        var acquired = await Task.WhenAll(keys.Select((key, index) => database.StringSetAsync(RedisKeys.Lock(key), tokens[index], options.LockTimeout, When.NotExists)));
        return [.. tokens.Select((token, index) => acquired[index] ? token : null)];
    }

    public async Task<bool> IsHeldAsync(WidgetCacheKey key) => await redis.GetDatabase().KeyExistsAsync(RedisKeys.Lock(key));

    private static string NewToken() => Guid.NewGuid().ToString("N");

    public async Task ReleaseAsync(WidgetCacheKey key, string token) =>
        await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, new { @lock = (RedisKey)RedisKeys.Lock(key), token, channel = RedisKeys.LockReleasedChannel.ToString() });
}
