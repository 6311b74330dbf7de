using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>Debian's <c>rabbitmq-server</c> as an Aspire executable resource, with the AMQP URI Aspire's RabbitMQ resource gives.</summary>
public sealed class RabbitMqServerResource(string name, string command, string workingDirectory, RabbitMqNode node)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public RabbitMqNode Node { get; } = node;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{Node.User}:{Node.Password}@127.0.0.1:{Node.AmqpPort.ToString(CultureInfo.InvariantCulture)}");
}
