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
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, string directory) =>
        builder.AddRedisNode(name, directory, RedisCredentials.Generate(builder, name), clusterNode: false);

    /// <summary>One <c>redis-server</c> with the given users; a <paramref name="clusterNode"/> runs in cluster mode.</summary>
    internal static IResourceBuilder<RedisServerResource> AddRedisNode(
        this IDistributedApplicationBuilder builder, string name, string directory, RedisCredentials credentials, bool clusterNode)
    {
        var command = ExecutableLocator.Require("redis-server", "redis-server");
        var settings = CacheServerSettings.From(builder.Configuration);
        var server = new RedisServerResource(name, command, directory, FreePort.Next(), credentials);
        // A cluster node's bus would otherwise be its port + 10000, in the kernel's ephemeral range, unchecked.
        var busPort = clusterNode ? FreePort.Next() : 0;
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
                var password = await resource.Credentials.Password.GetValueAsync(cancellationToken);
                Secrets.WritePrivateFile(configPath, $"""
                    port {resource.Port}
                    bind 127.0.0.1
                    protected-mode yes
                    requirepass {password}
                    {await resource.Credentials.UserLinesAsync(cancellationToken)}
                    dir {directory}
                    {settings.ConfigurationLines()}
                    daemonize no
                    logfile ""
                    {(clusterNode ? ClusterConfiguration(password!, busPort) : "")}
                    """);
            });
    }

    // A replica authenticates to its primary as the default user. 2 s without pings fails a node over: short enough that a
    // study waits seconds, not a minute, for new versions; long enough that this loaded machine's stalls fail nobody.
    private static string ClusterConfiguration(string password, int busPort) => $"""
        cluster-enabled yes
        cluster-port {busPort}
        cluster-config-file nodes.conf
        cluster-node-timeout 2000
        masterauth {password}
        """;
}
