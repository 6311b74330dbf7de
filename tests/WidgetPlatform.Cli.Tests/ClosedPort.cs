using System.Net;
using System.Net.Sockets;

namespace WidgetPlatform.Cli.Tests;

/// <summary>A loopback port that nothing listens on: one the OS just handed out and that was closed again.</summary>
internal static class ClosedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
