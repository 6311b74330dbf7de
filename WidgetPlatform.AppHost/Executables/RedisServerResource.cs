using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Debian's <c>redis-server</c> as an Aspire executable resource, with the connection string Aspire's Redis resource gives
/// (its default user: the operator's, the CLI's and the health check's) and one per service user (<see cref="RedisServiceUser"/>).
/// </summary>
public sealed class RedisServerResource(string name, string command, string workingDirectory, int port, RedisCredentials credentials)
    : ExecutableResource(name, command, workingDirectory), IRedisWithServiceUsers
{
    public int Port { get; } = port;

    public RedisCredentials Credentials { get; } = credentials;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},password={Credentials.Password}");

    public ReferenceExpression ConnectionStringFor(string user) =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},user={user},password={Credentials.UserPasswords[user]}");
}
