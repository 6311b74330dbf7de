using RabbitMQ.Client;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// The broker as Aspire hands it to a service: an AMQP URI, <c>amqp://user:pass@host:port[/vhost]</c>, or for a cluster one
/// such URI per node separated by commas, all with the same user, password and virtual host (docs/design.md §9). A list of
/// plain URIs rather than a host list inside one: every AMQP client parses each part as it is (pika takes a list of them).
/// </summary>
public sealed record AmqpConnectionString(IReadOnlyList<AmqpNodeAddress> Nodes, string VirtualHost, string Username, string Password, bool UseSsl)
{
    private const ushort AmqpPort = 5672;
    private const ushort AmqpsPort = 5671;

    // RabbitMQ's defaults when the URI leaves them out.
    private const string DefaultVirtualHost = "/";
    private const string DefaultCredential = "guest";

    private const string Expected = "expected 'amqp://user:pass@host:5672', or one such URI per cluster node separated by commas";

    /// <summary>The node a client tries first; the others take over when it does not answer.</summary>
    public AmqpNodeAddress First => Nodes[0];

    public bool IsCluster => Nodes.Count > 1;

    /// <summary>
    /// A connection of the platform's own beside MassTransit's, for what its bus does not offer: to a node that answers
    /// (RabbitMQ.Client tries the nodes in random order; MassTransit's bus in the order given).
    /// </summary>
    public Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken = default) =>
        new ConnectionFactory
        {
            VirtualHost = VirtualHost,
            UserName = Username,
            Password = Password,
        }.CreateConnectionAsync(
            [.. Nodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port, new SslOption(node.Host, enabled: UseSsl)))],
            clientName,
            cancellationToken);

    /// <summary>Where and as whom, never the password: the record's own would print it.</summary>
    public override string ToString() => $"{Scheme}://{Username}@{string.Join(',', Nodes)}/{Uri.EscapeDataString(VirtualHost)}";

    private string Scheme => UseSsl ? "amqps" : "amqp";

    public static AmqpConnectionString Parse(string connectionString, string connectionName)
    {
        var nodes = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(uri => ParseUri(uri, connectionName))
            .ToList();
        if (nodes.Count == 0)
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} is empty ({Expected}).");
        }

        var first = nodes[0];
        if (nodes.Any(node => (node.VirtualHost, node.Username, node.Password, node.UseSsl) != (first.VirtualHost, first.Username, first.Password, first.UseSsl)))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} names cluster nodes with different users, virtual hosts or schemes; one cluster has one of each.");
        }

        return first with { Nodes = [.. nodes.SelectMany(node => node.Nodes)] };
    }

    private static AmqpConnectionString ParseUri(string connectionString, string connectionName)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not an AMQP URI ({Expected}).");
        }

        var useSsl = uri.Scheme == "amqps";
        var port = uri.Port > 0 ? (ushort)uri.Port : useSsl ? AmqpsPort : AmqpPort;

        // Credentials and the vhost are percent-encoded in a URI: "p%40ss" is the password "p@ss", "%2F" the vhost "/".
        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : DefaultCredential;
        var password = userInfo.Length == 2 ? Uri.UnescapeDataString(userInfo[1]) : DefaultCredential;
        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length > 0 ? Uri.UnescapeDataString(path) : DefaultVirtualHost;

        return new AmqpConnectionString([new AmqpNodeAddress(uri.Host, port)], virtualHost, username, password, useSsl);
    }
}
