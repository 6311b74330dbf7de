using MassTransit;

namespace WidgetPlatform.Clients.Messaging;

public static class RabbitMqHostExtensions
{
    /// <summary>
    /// The bus's broker from the connection string: its first node, and for a cluster every node, which MassTransit tries in
    /// turn when it connects or reconnects (a node that died is left for the next).
    /// </summary>
    public static void Host(this IRabbitMqBusFactoryConfigurator rabbit, AmqpConnectionString connection, string clientName) =>
        rabbit.Host(connection.First.Host, connection.First.Port, connection.VirtualHost, clientName, host =>
        {
            host.Username(connection.Username);
            host.Password(connection.Password);
            if (connection.UseSsl)
            {
                host.UseSsl(ssl => ssl.ServerName = connection.First.Host);
            }

            if (connection.IsCluster)
            {
                host.UseCluster(cluster =>
                {
                    foreach (var node in connection.Nodes)
                    {
                        cluster.Node(node.ToString());
                    }
                });
            }
        });
}
