using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WidgetPlatform.AppHost.Executables;

public static class RedisServerBuilderExtensions
{
    /// <summary>
    /// A <c>redis-server</c> on a free loopback port with a generated password, a user of its own for each service
    /// (<see cref="RedisServiceUser"/>), its memory limit, eviction policy and persistence as <see cref="CacheServerSettings"/>
    /// say, configured in <paramref name="directory"/>; healthy once it answers PING.
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, string directory)
    {
        var command = ExecutableLocator.Require("redis-server", "redis-server");
        var settings = CacheServerSettings.From(builder.Configuration);
        var password = builder.AddParameter($"{name}-password", Secrets.NewPassword(), secret: true);
        var userPasswords = RedisServiceUser.Services.ToDictionary(
            user => user.Name, user => builder.AddParameter($"{name}-{user.Name}-password", Secrets.NewPassword(), secret: true).Resource, StringComparer.Ordinal);
        var server = new RedisServerResource(name, command, directory, FreePort.Next(), password.Resource, userPasswords);
        var configPath = Path.Combine(directory, "redis.conf");
        var healthCheck = $"{name}-ping";
        // One instance for every run: the factory is called per run, and the check keeps one connection open.
        var check = new RedisServerHealthCheck(server);
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => check, HealthStatus.Unhealthy, tags: null));

        return builder.AddResource(server)
            .WithEndpoint("tcp", endpoint =>
            {
                endpoint.Port = server.Port;
                endpoint.TargetPort = server.Port;
                endpoint.UriScheme = "redis";
                endpoint.IsProxied = false;
            })
            .WithArgs(configPath)
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted(async (resource, _, cancellationToken) =>
            {
                Directory.CreateDirectory(directory);
                var users = new List<string>();
                foreach (var user in RedisServiceUser.Services)
                {
                    users.Add(user.ConfigurationLine((await resource.UserPasswords[user.Name].GetValueAsync(cancellationToken))!));
                }

                Secrets.WritePrivateFile(configPath, $"""
                    port {resource.Port}
                    bind 127.0.0.1
                    protected-mode yes
                    requirepass {await resource.Password.GetValueAsync(cancellationToken)}
                    {string.Join('\n', users)}
                    dir {directory}
                    {settings.ConfigurationLines()}
                    daemonize no
                    logfile ""
                    """);
            });
    }
}
