namespace WidgetPlatform.AppHost.Hosting.Resources;

/// <summary>rabbitmq-server from the Debian package with its own user and its own epmd, loopback only.</summary>
public sealed class RabbitMqResource(string name, string? externalConnectionString)
    : ServerResource(name, externalConnectionString)
{
    public override string Kind => "rabbitmq";
}
