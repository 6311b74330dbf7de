using StackExchange.Redis;

namespace WidgetPlatform.Clients.Redis;

/// <summary>One server's INFO as its fields (<c>used_memory</c>, <c>run_id</c>, …).</summary>
public static class RedisInfo
{
    /// <summary>
    /// The whole INFO of <paramref name="server"/>, about 5 KB, as a raw command: the typed INFO of StackExchange.Redis, and a
    /// section argument, need admin mode, which no service has a reason to enable.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(IServer server) =>
        Parse((string?)await server.ExecuteAsync("INFO") ?? "");

    private static Dictionary<string, string> Parse(string info) =>
        info.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
}
