using System.Collections.Immutable;
using StackExchange.Redis;
using WidgetPlatform.Clients.Redis;

namespace WidgetPlatform.Invalidation.Restarts;

/// <summary>One Redis server as the restart check last saw it: its <c>run_id</c> and whether it was a primary.</summary>
public readonly record struct RedisServerRun(string RunId, bool Primary);

/// <summary>
/// The <c>run_id</c> and role of every Redis server the client reaches, by address: one for a single server, every node of
/// a cluster (asking "Redis" for its run_id would reach any node of a cluster, a different one each time).
/// </summary>
public sealed class RedisRunIds(ImmutableDictionary<string, RedisServerRun> byServer)
{
    public IReadOnlyDictionary<string, RedisServerRun> ByServer => byServer;

    /// <summary>Reads INFO from every connected server. A server that does not answer is left out, not taken for restarted.</summary>
    public static async Task<RedisRunIds> ReadAsync(IConnectionMultiplexer redis)
    {
        var byServer = ImmutableDictionary.CreateBuilder<string, RedisServerRun>(StringComparer.Ordinal);
        foreach (var server in redis.GetServers().Where(server => server.IsConnected))
        {
            var runId = (await RedisInfo.ReadAsync(server)).GetValueOrDefault("run_id")
                ?? throw new RedisException($"INFO of {server.EndPoint} named no run_id.");
            byServer[server.EndPoint.ToString()!] = new RedisServerRun(runId, !server.IsReplica);
        }

        return byServer.Values.Any(server => server.Primary)
            ? new RedisRunIds(byServer.ToImmutable())
            : throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Redis primary is connected.");
    }

    /// <summary>
    /// Whether a primary may have lost writes since <paramref name="known"/>: a primary at a known address with a new
    /// run_id (it restarted), or a primary that was a replica (promoted in a failover, after asynchronous replication).
    /// A server first seen now (one that connected late) is learned, not suspected; one missing now is away.
    /// </summary>
    public bool RestartedSince(RedisRunIds known) =>
        byServer.Any(server => server.Value.Primary
            && known.ByServer.TryGetValue(server.Key, out var before)
            && (before.RunId != server.Value.RunId || !before.Primary));

    /// <summary>These servers over <paramref name="newer"/>'s: what is known after a look that saw only some of them.</summary>
    public RedisRunIds With(RedisRunIds newer) => new(byServer.SetItems(newer.ByServer));
}
