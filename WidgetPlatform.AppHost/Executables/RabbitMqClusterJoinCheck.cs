using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Whether every member sees what the first one declares, over AMQP alone (no Erlang CLI to start): an exclusive queue
/// declared on the first node is, asked for by name on a member, locked (405: it exists cluster-wide, another connection
/// holds it), and on a node that formed a cluster of its own, missing (404). The queue goes with its connection.
/// </summary>
internal static class RabbitMqClusterJoinCheck
{
    private const ushort ResourceLocked = 405;

    /// <summary>The members that do not see the first node's queue; none once the cluster is whole.</summary>
    public static async Task<IReadOnlyList<string>> StrayNodesAsync(RabbitMqClusterResource cluster, CancellationToken cancellationToken)
    {
        await using var first = await ConnectAsync(cluster.Nodes[0], cancellationToken);
        await using var channel = await first.CreateChannelAsync(cancellationToken: cancellationToken);
        var probe = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);

        var strays = new List<string>();
        foreach (var member in cluster.Nodes.Skip(1))
        {
            if (!await SeesAsync(member, probe.QueueName, cancellationToken))
            {
                strays.Add(member.Name);
            }
        }

        return strays;
    }

    private static async Task<bool> SeesAsync(RabbitMqServerResource member, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(member, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true; // Not expected (the queue is another connection's), but it is seen all the same.
        }
        catch (OperationInterruptedException exception)
        {
            return exception.ShutdownReason?.ReplyCode == ResourceLocked;
        }
    }

    private static async Task<IConnection> ConnectAsync(RabbitMqServerResource node, CancellationToken cancellationToken) =>
        await new ConnectionFactory
        {
            Uri = new Uri(await node.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? ""),
            ClientProvidedName = "apphost-cluster-check",
            AutomaticRecoveryEnabled = false,
        }.CreateConnectionAsync(cancellationToken);
}
