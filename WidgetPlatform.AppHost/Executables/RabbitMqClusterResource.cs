namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// A RabbitMQ cluster of <c>rabbitmq-server</c> nodes (docs/design.md §9): the resource services reference, whose connection
/// string lists every node's AMQP URI (a client connects to the first that answers and moves on when it dies), running
/// once every node has joined.
/// </summary>
public sealed class RabbitMqClusterResource(string name, RabbitMqCredentials credentials, IReadOnlyList<RabbitMqServerResource> nodes)
    : Resource(name), IRabbitMqWithServiceUsers
{
    public RabbitMqCredentials Credentials { get; } = credentials;

    /// <summary>Every member; the first forms the cluster, the others join it.</summary>
    public IReadOnlyList<RabbitMqServerResource> Nodes { get; } = nodes;

    public ReferenceExpression ConnectionStringExpression => AmqpUris(Credentials.User, Credentials.Password);

    public ReferenceExpression ConnectionStringFor(string user) => AmqpUris(user, Credentials.UserPasswords[user]);

    private ReferenceExpression AmqpUris(string user, string password) => ReferenceExpression.Create(
        $"{string.Join(',', Nodes.Select(node => RabbitMqServerResource.AmqpUriOf(node.Node, user, password)))}");
}
