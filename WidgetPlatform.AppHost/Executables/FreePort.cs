using System.Net;
using System.Net.Sockets;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// A free loopback port, chosen when the model is built: a server's connection string is then known before it starts,
/// and DCP does not proxy it (a proxy in front of Redis or AMQP would only add a hop).
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
