using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Debian's <c>rabbitmq-server</c> as an Aspire executable resource, with the AMQP URI Aspire's RabbitMQ resource gives (the
/// operator's administrator) and one per service user and the pipelines'.
/// </summary>
public sealed class RabbitMqServerResource(string name, string command, string workingDirectory, RabbitMqNode node)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public RabbitMqNode Node { get; } = node;

    public ReferenceExpression ConnectionStringExpression => AmqpUri(Node.User, Node.Password);

    /// <summary>The AMQP URI of one service's own user, or the pipelines' (<see cref="RabbitMqServiceUser"/>).</summary>
    public ReferenceExpression ConnectionStringFor(string user) => AmqpUri(user, Node.UserPasswords[user]);

    private ReferenceExpression AmqpUri(string user, string password) => ReferenceExpression.Create(
        $"amqp://{user}:{password}@127.0.0.1:{Node.AmqpPort.ToString(CultureInfo.InvariantCulture)}");
}
