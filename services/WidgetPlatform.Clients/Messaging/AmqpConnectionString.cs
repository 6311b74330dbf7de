namespace WidgetPlatform.Clients.Messaging;

/// <summary>An AMQP URI as Aspire hands it to a service: <c>amqp://user:pass@host:port[/vhost]</c>.</summary>
internal sealed record AmqpConnectionString(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseSsl)
{
    private const ushort AmqpPort = 5672;
    private const ushort AmqpsPort = 5671;

    // RabbitMQ's defaults when the URI leaves them out.
    private const string DefaultVirtualHost = "/";
    private const string DefaultCredential = "guest";

    /// <summary>A connection of the platform's own beside MassTransit's, for what its bus does not offer.</summary>
    public RabbitMQ.Client.ConnectionFactory CreateFactory() => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Username,
        Password = Password,
        Ssl = new RabbitMQ.Client.SslOption(Host, enabled: UseSsl),
    };

    public static AmqpConnectionString Parse(string connectionString, string connectionName)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not an AMQP URI (expected 'amqp://user:pass@host:5672').");
        }

        var useSsl = uri.Scheme == "amqps";
        var port = uri.Port > 0 ? (ushort)uri.Port : useSsl ? AmqpsPort : AmqpPort;

        // Credentials and the vhost are percent-encoded in a URI: "p%40ss" is the password "p@ss", "%2F" the vhost "/".
        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : DefaultCredential;
        var password = userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : DefaultCredential;
        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length > 0 ? Uri.UnescapeDataString(path) : DefaultVirtualHost;

        return new AmqpConnectionString(uri.Host, port, virtualHost, username, password, useSsl);
    }
}
