using System.Net;
using System.Net.Sockets;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// A free loopback port, chosen when the model is built: a server's connection string is then known before it starts,
/// and DCP does not proxy it (a proxy in front of Redis or AMQP would only add a hop).
/// </summary>
internal static class FreePort
{
    /// <summary>
    /// Below Linux's ephemeral range (32768-60999): a port the kernel hands out for port 0 is also what every outgoing
    /// connection takes as its local port, and one of them took a RabbitMQ port between this choice and the server's bind
    /// when test platforms started side by side (dist_port_already_used).
    /// </summary>
    private const int First = 20000;
    private const int Last = 32767;

    /// <summary>Ports handed out already: a cluster takes a dozen, and a port is free only until its server binds it.</summary>
    private static readonly HashSet<int> Issued = [];

    public static int Next()
    {
        while (true)
        {
            var port = Random.Shared.Next(First, Last + 1);
            lock (Issued)
            {
                if (!Issued.Add(port))
                {
                    continue;
                }
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
