using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace WidgetPlatform.AppHost.Executables;

public static class RabbitMqClusterBuilderExtensions
{
    /// <summary>
    /// A RabbitMQ cluster on loopback (docs/design.md §9): <paramref name="members"/> <c>rabbitmq-server</c> nodes
    /// <c>{name}-1…</c> (folders of the same names) registered with one epmd, <c>{name}-epmd</c>, sharing the users of a
    /// single broker (<see cref="RabbitMqServiceUser"/>) and an Erlang cookie. The first node starts alone and forms the
    /// cluster; the others start once it answers and join it. The cluster resource runs once every member sees the first
    /// one's queues, and its <c>{name}-pipelines</c> child lists every node for the pipelines' user.
    /// </summary>
    public static IResourceBuilder<RabbitMqClusterResource> AddRabbitMqCluster(
        this IDistributedApplicationBuilder builder, string name, StatePaths paths, int members)
    {
        var credentials = RabbitMqCredentials.InDirectory(paths.Resource(name));
        var names = Enumerable.Range(1, members).Select(number => $"{name}-{number.ToString(CultureInfo.InvariantCulture)}").ToList();
        var membership = new RabbitMqClusterMembership([.. names.Select(NodeName)]);
        var epmdPort = FreePort.Next();
        var epmd = builder.AddEpmd($"{name}-epmd", paths.Resource(name), epmdPort);

        var nodes = new List<IResourceBuilder<RabbitMqServerResource>>();
        foreach (var nodeName in names)
        {
            var node = builder.AddRabbitMqNode(nodeName, RabbitMqNode.ClusterMember(FreshFolder(paths, nodeName), credentials, NodeName(nodeName), epmdPort, membership))
                .WaitFor(epmd);
            // Started together, each node could find no other yet and form a cluster of its own.
            nodes.Add(nodes.Count == 0 ? node : node.WaitFor(nodes[0]));
        }

        var cluster = new RabbitMqClusterResource(name, credentials, [.. nodes.Select(node => node.Resource)]);
        var healthCheck = $"{name}-members";
        var check = new RabbitMqClusterHealthCheck(cluster);
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => check, HealthStatus.Unhealthy, tags: null));
        var resource = builder.AddResource(cluster)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "RabbitMQ cluster",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheck)
            .OnInitializeResource(AwaitJoinedAsync);
        epmd.WithParentRelationship(resource);
        foreach (var node in nodes)
        {
            node.WithParentRelationship(resource);
        }

        builder.AddPipelineUser(name, cluster);
        return resource;
    }

    private static string NodeName(string resourceName) => $"{resourceName}@localhost";

    /// <summary>
    /// The cluster is formed anew at every AppHost start, like the Redis Cluster: its cookie is new, and a member's data
    /// from an earlier run would name a cluster the others may not remember. Removed here, once, and not before each start:
    /// a node restarted during the run rejoins its cluster from its data.
    /// </summary>
    private static string FreshFolder(StatePaths paths, string name)
    {
        var directory = paths.Resource(name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return directory;
    }

    /// <summary>Once every member answers, checks that they are one cluster; its console says which are not.</summary>
    private static Task AwaitJoinedAsync(RabbitMqClusterResource cluster, InitializeResourceEvent initialize, CancellationToken cancellationToken) =>
        ClusterFormation.RunAsync(cluster, cluster.Nodes, initialize, async ct =>
        {
            var strays = await RabbitMqClusterJoinCheck.StrayNodesAsync(cluster, ct);
            if (strays.Count == 0)
            {
                initialize.Logger.LogInformation("{Members} nodes form one cluster.", cluster.Nodes.Count);
            }
            else
            {
                initialize.Logger.LogError("Not part of {First}'s cluster: {Strays}.", cluster.Nodes[0].Name, string.Join(", ", strays));
            }

            return strays.Count == 0;
        }, cancellationToken);
}
