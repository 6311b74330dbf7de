namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// What makes RabbitMQ nodes one cluster: the Erlang cookie they all share (new at every AppHost start, like the cluster)
/// and every member's node name, which each node's peer discovery (<c>classic_config</c>) joins.
/// </summary>
public sealed record RabbitMqClusterMembership(IReadOnlyList<string> NodeNames)
{
    public string Cookie { get; } = Secrets.NewPassword();
}
