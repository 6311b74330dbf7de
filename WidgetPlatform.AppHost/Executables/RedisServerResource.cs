using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>Debian's <c>redis-server</c> as an Aspire executable resource, with the connection string Aspire's Redis resource gives.</summary>
public sealed class RedisServerResource(string name, string command, string workingDirectory, int port, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},password={Password}");
}
