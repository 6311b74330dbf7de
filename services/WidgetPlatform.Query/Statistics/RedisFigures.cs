using System.Globalization;
using StackExchange.Redis;
using WidgetPlatform.Clients.Redis;

namespace WidgetPlatform.Query.Statistics;

/// <summary>
/// Keys, memory and evictions as Redis itself reports them (INFO, DBSIZE), summed over the primaries of a cluster (one
/// for a single server); or unavailable.
/// </summary>
public sealed record RedisFigures(bool Available, long Keys, long UsedMemoryBytes, long MaxMemoryBytes, long EvictedKeys)
{
    public static readonly RedisFigures Unavailable = new(false, 0, 0, 0, 0);

    /// <summary>Used memory as a share of maxmemory; null when Redis has no limit.</summary>
    public double? MemoryUsage => MaxMemoryBytes > 0 ? (double)UsedMemoryBytes / MaxMemoryBytes : null;

    public static async Task<RedisFigures> ReadAsync(IConnectionMultiplexer redis)
    {
        try
        {
            var figures = new RedisFigures(true, 0, 0, 0, 0);
            var primaries = redis.GetServers().Where(server => server.IsConnected && !server.IsReplica).ToList();
            foreach (var primary in primaries)
            {
                var info = await RedisInfo.ReadAsync(primary);
                figures = new RedisFigures(
                    true,
                    figures.Keys + (long)await primary.ExecuteAsync("DBSIZE"),
                    figures.UsedMemoryBytes + Number(info, "used_memory"),
                    figures.MaxMemoryBytes + Number(info, "maxmemory"),
                    figures.EvictedKeys + Number(info, "evicted_keys"));
            }

            return primaries.Count > 0 ? figures : Unavailable;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return Unavailable;
        }
    }

    private static long Number(IReadOnlyDictionary<string, string> info, string name) =>
        info.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
