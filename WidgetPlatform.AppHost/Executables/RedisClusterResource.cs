using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// A Redis Cluster of <c>redis-server</c> nodes (docs/design.md §9): the resource services reference, whose connection
/// string names every node (the client learns the slots from whichever answers), running once the cluster is formed.
/// </summary>
public sealed class RedisClusterResource(
    string name, RedisCredentials credentials, IReadOnlyList<RedisServerResource> nodes, int replicasPerPrimary, string redisCli)
    : Resource(name), IRedisWithServiceUsers
{
    public RedisCredentials Credentials { get; } = credentials;

    /// <summary>Every node; redis-cli makes the first of them primaries and the rest their replicas.</summary>
    public IReadOnlyList<RedisServerResource> Nodes { get; } = nodes;

    public int ReplicasPerPrimary { get; } = replicasPerPrimary;

    /// <summary>The <c>redis-cli</c> that forms the cluster, found when the model is built.</summary>
    public string RedisCli { get; } = redisCli;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Endpoints},password={Credentials.Password}");

    public ReferenceExpression ConnectionStringFor(string user) =>
        ReferenceExpression.Create($"{Endpoints},user={user},password={Credentials.UserPasswords[user]}");

    private string Endpoints => string.Join(',', Nodes.Select(node => $"127.0.0.1:{node.Port.ToString(CultureInfo.InvariantCulture)}"));
}
