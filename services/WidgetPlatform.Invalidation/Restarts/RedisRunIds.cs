using System.Collections.Immutable;
using StackExchange.Redis;

namespace WidgetPlatform.Invalidation.Restarts;

/// <summary>
/// The <c>run_id</c> of every Redis primary the client reaches, by address: one for a single server, one per primary of
/// a cluster (asking "Redis" for its run_id would reach any node of a cluster, a different one each time).
/// </summary>
public sealed class PrimaryRunIds(ImmutableDictionary<string, string> byPrimary)
{
    public IReadOnlyDictionary<string, string> ByPrimary => byPrimary;

    /// <summary>
    /// Reads INFO from every connected primary (the whole INFO, about 5 KB: IServer.Info and a section argument need admin
    /// mode). A primary that does not answer is left out, not taken for restarted.
    /// </summary>
    public static async Task<PrimaryRunIds> ReadAsync(IConnectionMultiplexer redis)
    {
        var byPrimary = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var primary in redis.GetServers().Where(server => server.IsConnected && !server.IsReplica))
        {
            var info = (string?)await primary.ExecuteAsync("INFO") ?? "";
            var line = info.Split('\n').FirstOrDefault(line => line.StartsWith("run_id:", StringComparison.Ordinal));
            byPrimary[primary.EndPoint.ToString()!] = line?["run_id:".Length..].Trim() ?? throw new RedisException($"INFO of {primary.EndPoint} named no run_id.");
        }

        return byPrimary.Count > 0
            ? new PrimaryRunIds(byPrimary.ToImmutable())
            : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Redis primary is connected.");
    }

    /// <summary>
    /// Whether a primary restarted (a new run_id at a known address) or appeared (a replica promoted, or a server at a new
    /// address) since <paramref name="known"/>; a primary missing now is away, which says nothing yet.
    /// </summary>
    public bool RestartedSince(PrimaryRunIds known) =>
        byPrimary.Any(primary => !known.ByPrimary.TryGetValue(primary.Key, out var runId) || runId != primary.Value);

    /// <summary>These run_ids over <paramref name="newer"/>'s: what is known after a look that saw only some primaries.</summary>
    public PrimaryRunIds With(PrimaryRunIds newer) => new(byPrimary.SetItems(newer.ByPrimary));
}
