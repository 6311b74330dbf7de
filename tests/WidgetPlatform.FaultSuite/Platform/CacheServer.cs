using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// The platform's Redis as the suite handles it: killed, started again empty or from its last snapshot (the suite's
/// platform runs it with <c>rdb</c> persistence), and read directly, as an operator with the server's password would.
/// </summary>
public sealed class CacheServer(TestPlatform host)
{
    private const string Resource = "cache";

    /// <summary>SIGKILL, as a crash: nothing is saved on the way down.</summary>
    public async Task KillAsync()
    {
        host.Kill(Resource);
        await host.WaitForAsync(Resource, instance => !instance.IsRunning, TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts Redis again, from its last snapshot or, with <paramref name="empty"/>, with the snapshot deleted first.</summary>
    public async Task StartAsync(bool empty)
    {
        if (empty)
        {
            File.Delete(Path.Combine(host.StateDirectory, Resource, "dump.rdb"));
        }

        await host.StartAsync(Resource);
        await host.WaitForAsync(Resource, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(60));
    }

    public async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(host.GetConnectionString(Resource));

    /// <summary>A snapshot now (SAVE): what Redis comes back as if it is killed before the next one.</summary>
    public static async Task SnapshotAsync(IConnectionMultiplexer redis) => await redis.GetDatabase().ExecuteAsync("SAVE");

    /// <summary>
    /// Starts Redis's latency monitor afresh: from now on it records every event (a command, a fork, an expiry cycle) that
    /// held its one thread for <paramref name="thresholdMs"/> or longer, which every other client waited behind.
    /// </summary>
    public static async Task WatchLatencyAsync(IConnectionMultiplexer redis, int thresholdMs)
    {
        var database = redis.GetDatabase();
        await database.ExecuteAsync("CONFIG", "SET", "latency-monitor-threshold", thresholdMs);
        await database.ExecuteAsync("LATENCY", "RESET");
    }

    /// <summary>The longest event the latency monitor recorded since it was started (0 for none), and stops it.</summary>
    public static async Task<long> LongestLatencyAsync(IConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        // LATENCY LATEST: per event, [name, time of the latest, its milliseconds, the longest milliseconds].
        var events = (RedisResult[])(await database.ExecuteAsync("LATENCY", "LATEST"))!;
        await database.ExecuteAsync("CONFIG", "SET", "latency-monitor-threshold", 0);
        return events.Select(latest => (long)((RedisResult[])latest!)[3]).DefaultIfEmpty(0).Max();
    }

    /// <summary>Keys Redis loaded from its snapshot when it last started.</summary>
    public static async Task<long> KeysLoadedAtStartAsync(IConnectionMultiplexer redis)
    {
        var info = (string?)await redis.GetDatabase().ExecuteAsync("INFO", "persistence") ?? "";
        var line = info.Split('\n').FirstOrDefault(line => line.StartsWith("rdb_last_load_keys_loaded:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>When each stored entry of a widget was calculated, found through the widget's index.</summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> EntriesCalculatedAtAsync(IConnectionMultiplexer redis, string studyId, string widgetId)
    {
        var database = redis.GetDatabase();
        var index = RedisKeys.WidgetIndex(studyId, widgetId);
        var calculated = new List<DateTimeOffset>();
        foreach (var member in await database.SetMembersAsync(index))
        {
            var name = RedisKeys.EntryOfIndexMember(index, member.ToString());
            if (WidgetCacheKey.Parse(name) is { } key && await database.StringGetAsync(name) is { IsNull: false } value
                && CacheEntry.Read((byte[])value!, key) is { } entry)
            {
                calculated.Add(entry.Metadata.CalculatedAt);
            }
        }

        return calculated;
    }
}
