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

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{Node.User}:{Node.Password}@127.0.0.1:{Node.AmqpPort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The AMQP URI of one service's own user, or the pipelines' (<see cref="RabbitMqServiceUser"/>).</summary>
    public ReferenceExpression ConnectionStringFor(string user) => ReferenceExpression.Create(
        $"amqp://{user}:{Node.UserPasswords[user]}@127.0.0.1:{Node.AmqpPort.ToString(CultureInfo.InvariantCulture)}");
}
