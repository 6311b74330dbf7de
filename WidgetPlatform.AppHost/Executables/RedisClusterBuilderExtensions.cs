using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace WidgetPlatform.AppHost.Executables;

public static class RedisClusterBuilderExtensions
{
    /// <summary>
    /// A Redis Cluster on loopback (docs/design.md §9): <paramref name="primaries"/> × (1 + <paramref name="replicasPerPrimary"/>)
    /// <c>redis-server</c> nodes <c>{name}-1…</c>, each with the same users as a single server (<see cref="RedisServiceUser"/>)
    /// and folder <c>{name}-N</c>; the cluster is formed with <c>redis-cli --cluster create</c> once every
    /// node answers. The cluster resource runs once that succeeded and is healthy while every slot is served.
    /// </summary>
    public static IResourceBuilder<RedisClusterResource> AddRedisCluster(
        this IDistributedApplicationBuilder builder, string name, StatePaths paths, int primaries, int replicasPerPrimary)
    {
        var credentials = RedisCredentials.Generate(builder, name);
        var nodes = Enumerable.Range(1, primaries * (1 + replicasPerPrimary))
            .Select(number => AddClusterNode(builder, $"{name}-{number.ToString(CultureInfo.InvariantCulture)}", paths, credentials))
            .ToList();
        var cluster = new RedisClusterResource(
            name, credentials, [.. nodes.Select(node => node.Resource)], replicasPerPrimary, ExecutableLocator.Require("redis-cli", "redis-tools"));

        var healthCheck = $"{name}-slots";
        var check = new RedisClusterHealthCheck(cluster);
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => check, HealthStatus.Unhealthy, tags: null));
        var resource = builder.AddResource(cluster)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Redis Cluster",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheck)
            .OnInitializeResource(FormAsync);
        foreach (var node in nodes)
        {
            node.WithParentRelationship(resource);
        }

        return resource;
    }

    private static IResourceBuilder<RedisServerResource> AddClusterNode(
        IDistributedApplicationBuilder builder, string name, StatePaths paths, RedisCredentials credentials)
    {
        var directory = paths.Resource(name);
        // Ports are chosen per run, so a node's cluster file from an earlier run names nodes that no longer exist: the
        // cluster is formed anew each run, and a node holding keys cannot join a new one. Removed here, once, and not
        // before each start: a node restarted during the run rejoins its cluster from that file.
        Directory.CreateDirectory(directory);
        File.Delete(Path.Combine(directory, "nodes.conf"));
        File.Delete(Path.Combine(directory, "dump.rdb"));
        if (Directory.Exists(Path.Combine(directory, "appendonlydir")))
        {
            Directory.Delete(Path.Combine(directory, "appendonlydir"), recursive: true);
        }

        return builder.AddRedisNode(name, directory, credentials, clusterNode: true);
    }

    /// <summary>
    /// Once every node answers, <c>redis-cli --cluster create</c> assigns the slots to the first nodes and makes the others
    /// their replicas; its output is the cluster resource's console. Running then, or failed to start with the reason.
    /// </summary>
    private static Task FormAsync(RedisClusterResource cluster, InitializeResourceEvent initialize, CancellationToken cancellationToken) =>
        ClusterFormation.RunAsync(cluster, cluster.Nodes, initialize, ct => RedisClusterCreation.RunAsync(cluster, initialize.Logger, ct), cancellationToken);
}
