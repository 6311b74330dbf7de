using System.Globalization;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Debian's <c>redis-server</c> as an Aspire executable resource, with the connection string Aspire's Redis resource gives
/// (its default user: the operator's, the CLI's and the health check's) and one per service user (<see cref="RedisServiceUser"/>).
/// </summary>
public sealed class RedisServerResource(
    string name, string command, string workingDirectory, int port, ParameterResource password, IReadOnlyDictionary<string, ParameterResource> userPasswords)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public ParameterResource Password { get; } = password;

    /// <summary>Each service user's password, by user name.</summary>
    public IReadOnlyDictionary<string, ParameterResource> UserPasswords { get; } = userPasswords;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},password={Password}");

    /// <summary>The connection string of one service user.</summary>
    public ReferenceExpression ConnectionStringFor(string user) =>
        ReferenceExpression.Create($"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},user={user},password={UserPasswords[user]}");
}
