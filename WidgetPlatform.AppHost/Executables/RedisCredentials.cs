namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// The passwords of a Redis the AppHost runs: its default user's (the operator's, the CLI's and the health checks') and
/// one per service user (<see cref="RedisServiceUser"/>). Every node of a cluster has the same users with the same passwords.
/// </summary>
public sealed record RedisCredentials(ParameterResource Password, IReadOnlyDictionary<string, ParameterResource> UserPasswords)
{
    /// <summary>New passwords for the Redis named <paramref name="name"/>, generated per run, as secret parameters.</summary>
    public static RedisCredentials Generate(IDistributedApplicationBuilder builder, string name) => new(
        builder.AddParameter($"{name}-password", Secrets.NewPassword(), secret: true).Resource,
        RedisServiceUser.Services.ToDictionary(
            user => user.Name,
            user => builder.AddParameter($"{name}-{user.Name}-password", Secrets.NewPassword(), secret: true).Resource,
            StringComparer.Ordinal));

    /// <summary>The <c>user</c> lines of redis.conf that define every service user.</summary>
    public async Task<string> UserLinesAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var user in RedisServiceUser.Services)
        {
            lines.Add(user.ConfigurationLine((await UserPasswords[user.Name].GetValueAsync(cancellationToken))!));
        }

        return string.Join('\n', lines);
    }
}
