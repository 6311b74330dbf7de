using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Cleanup;

/// <summary>
/// Removes what no process will ever clean up by itself: stampede locks left without a usable expiry, and index members
/// naming entries that have expired or been evicted (they make manual invalidation and the statistics count ghosts).
/// Walks Redis with SCAN over fixed patterns and SSCAN, a bounded batch per call, on every primary; never KEYS. Each
/// check-and-remove is one script, so a key that changes between the look and the removal is left alone.
/// </summary>
public sealed class StaleKeyCleanup(IConnectionMultiplexer redis)
{
    public const string LockPattern = "lock:*";
    public const string IndexPattern = "index:*";
    private const int ExamplesPerIndex = 3;

    // -2: gone; -3: a live lock (expiring within the timeout); otherwise the stale lock's PTTL (-1: none), deleted unless dry.
    private static readonly LuaScript LockScript = LuaScript.Prepare("""
        local ttl = redis.call('PTTL', @lock)
        if ttl == -2 then return -2 end
        if ttl == -1 or ttl > tonumber(@maxTtl) then
          if @remove == '1' then redis.call('DEL', @lock) end
          return ttl
        end
        return -3
        """);

    // One SSCAN step; members whose entry is gone are removed (unless dry) and returned. A member is the end of its entry's
    // key, "version:hash", or (written by an earlier release) the whole key. The index and its entries share the study's
    // hash tag, so this stays within one cluster slot.
    private static readonly LuaScript IndexScript = LuaScript.Prepare(RedisKeys.EntryOfIndexMemberLua + """
        local scan = redis.call('SSCAN', @index, @cursor, 'COUNT', @count)
        local gone = {}
        for _, member in ipairs(scan[2]) do
          if redis.call('EXISTS', entry_of(member)) == 0 then
            if @remove == '1' then redis.call('SREM', @index, member) end
            gone[#gone + 1] = member
          end
        end
        return { scan[1], #scan[2], gone }
        """);

    public async Task<StaleKeyReport> RunAsync(StaleKeyCleanupOptions options, CancellationToken cancellationToken = default)
    {
        var locks = new LockTally();
        var indexes = new IndexTally();
        foreach (var server in redis.GetServers().Where(server => server.IsConnected && !server.IsReplica))
        {
            if (options.Locks)
            {
                await foreach (var batch in ScanAsync(server, LockPattern, type: null, options.BatchSize, cancellationToken))
                {
                    await CheckLocksAsync(batch, options, locks);
                }
            }

            if (options.IndexMembers)
            {
                await foreach (var batch in ScanAsync(server, IndexPattern, type: "set", options.BatchSize, cancellationToken))
                {
                    foreach (var index in batch)
                    {
                        await WalkIndexAsync(index, options, indexes, cancellationToken);
                    }
                }
            }
        }

        return new StaleKeyReport(
            options.DryRun, locks.Examined, locks.Stale, locks.Listed, indexes.Examined, indexes.MembersExamined, indexes.Dangling);
    }

    /// <summary>SCAN on one server, a batch per step; the cursor makes it safe while keys come and go.</summary>
    private static async IAsyncEnumerable<RedisKey[]> ScanAsync(
        IServer server, string pattern, string? type, int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long cursor = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            object[] arguments = type is null
                ? [cursor, "MATCH", pattern, "COUNT", count]
                : [cursor, "MATCH", pattern, "COUNT", count, "TYPE", type];
            var step = (RedisResult[])(await server.ExecuteAsync("SCAN", arguments))!;
            cursor = (long)step[0];
            var keys = (RedisKey[])step[1]!;
            if (keys.Length > 0)
            {
                yield return keys;
            }
        }
        while (cursor != 0);
    }

    private async Task CheckLocksAsync(RedisKey[] keys, StaleKeyCleanupOptions options, LockTally tally)
    {
        var database = redis.GetDatabase();
        // -1: every lock's TTL is over it (a lock without expiry reads -1 too, and counts either way).
        var maxTtl = options.AllLocks ? -1 : (long)options.LockTimeout.TotalMilliseconds;
        var remove = options.DryRun ? "0" : "1";
        // One script per key (each may live in its own cluster slot), all sent at once: the multiplexer pipelines them.
        var checks = keys.Select(key => database.ScriptEvaluateAsync(LockScript, new { @lock = key, maxTtl, remove })).ToArray();
        var results = await Task.WhenAll(checks);
        tally.Examined += keys.Length;
        for (var i = 0; i < keys.Length; i++)
        {
            var ttl = (long)results[i];
            if (ttl is -2 or -3)
            {
                continue;
            }

            tally.Stale++;
            if (tally.Listed.Count < options.MaxListed)
            {
                tally.Listed.Add(new StaleLock(keys[i].ToString(), ttl == -1 ? null : TimeSpan.FromMilliseconds(ttl)));
            }
        }
    }

    private async Task WalkIndexAsync(RedisKey index, StaleKeyCleanupOptions options, IndexTally tally, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var remove = options.DryRun ? "0" : "1";
        var prefix = RedisKeys.EntryPrefixOfIndex(index!);
        long cursor = 0;
        long dangling = 0;
        var examples = new List<string>();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = (RedisResult[])(await database.ScriptEvaluateAsync(IndexScript, new { index, prefix, cursor, count = options.BatchSize, remove }))!;
            cursor = (long)step[0];
            tally.MembersExamined += (long)step[1];
            var gone = (RedisResult[])step[2]!;
            dangling += gone.Length;
            examples.AddRange(gone.Take(ExamplesPerIndex - examples.Count).Select(member => member.ToString()));
        }
        while (cursor != 0);

        tally.Examined++;
        if (dangling > 0)
        {
            tally.Dangling.Add(new DanglingIndexMembers(index.ToString(), dangling, examples));
        }
    }

    private sealed class LockTally
    {
        public long Examined { get; set; }

        public long Stale { get; set; }

        public List<StaleLock> Listed { get; } = [];
    }

    private sealed class IndexTally
    {
        public long Examined { get; set; }

        public long MembersExamined { get; set; }

        public List<DanglingIndexMembers> Dangling { get; } = [];
    }
}
