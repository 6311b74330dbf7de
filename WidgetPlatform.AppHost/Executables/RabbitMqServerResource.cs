using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Debian's <c>rabbitmq-server</c> as an Aspire executable resource, with the AMQP URI Aspire's RabbitMQ resource gives (the
/// operator's administrator) and one per service user and the pipelines'. A cluster's member is one too.
/// </summary>
public sealed class RabbitMqServerResource(string name, string command, string workingDirectory, RabbitMqNode node)
    : ExecutableResource(name, command, workingDirectory), IRabbitMqWithServiceUsers
{
    public RabbitMqNode Node { get; } = node;

    public ReferenceExpression ConnectionStringExpression => AmqpUri(Node.Credentials.User, Node.Credentials.Password);

    public ReferenceExpression ConnectionStringFor(string user) => AmqpUri(user, Node.Credentials.UserPasswords[user]);

    private ReferenceExpression AmqpUri(string user, string password) => ReferenceExpression.Create(
        $"{AmqpUriOf(Node, user, password)}");

    /// <summary>One node's AMQP URI; a cluster's connection string lists one per node (docs/design.md §9).</summary>
    internal static string AmqpUriOf(RabbitMqNode node, string user, string password) =>
        $"amqp://{user}:{password}@127.0.0.1:{node.AmqpPort.ToString(CultureInfo.InvariantCulture)}";
}
