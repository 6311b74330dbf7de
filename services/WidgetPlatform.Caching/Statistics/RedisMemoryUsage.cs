using StackExchange.Redis;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>Redis's own <c>MEMORY USAGE</c> of a key: its value, its key and Redis's bookkeeping, in bytes.</summary>
public static class RedisMemoryUsage
{
    /// <summary>The bytes the key takes, or null when there is no such key.</summary>
    public static async Task<long?> OfAsync(IDatabase database, RedisKey key) =>
        await database.ExecuteAsync("MEMORY", "USAGE", key) is { IsNull: false } bytes ? (long)bytes : null;
}
