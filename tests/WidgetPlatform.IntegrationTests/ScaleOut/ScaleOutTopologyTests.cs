using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

[Collection(ScaleOutPlatform.Name)]
[Trait("Profile", "scale-out")]
public sealed class ScaleOutTopologyTests(ScaleOutFixture platform)
{
    [Fact]
    public async Task TheCacheIsAClusterOfThreePrimariesEachWithAReplica()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var servers = redis.GetServers();

        Assert.All(servers, server => Assert.Equal(ServerType.Cluster, server.ServerType));
        Assert.Equal(3, servers.Count(server => !server.IsReplica));
        Assert.Equal(3, servers.Count(server => server.IsReplica));
        var nodes = servers[0].ClusterConfiguration!.Nodes;
        Assert.All(nodes.Where(node => !node.IsReplica), primary => Assert.Single(nodes, node => node.ParentNodeId == primary.NodeId));
    }

    [Fact]
    public async Task TheBrokerIsAClusterOfThreeNodesAndEveryServiceQueueIsAQuorumQueueOnEachOfThem()
    {
        var cluster = BrokerClusterNodes.Cluster(platform.Host);
        var queues = (await BrokerClusterNodes.QueuesAsync(platform.Host)).ToDictionary(queue => queue.Name, StringComparer.Ordinal);

        Assert.Equal(3, platform.Host.Broker().Nodes.Count);
        Assert.All(cluster.Nodes, node => Assert.True(platform.Host.Instance(node.Name).IsRunningAndHealthy, node.Name));
        Assert.All(ServiceQueues.All.SelectMany(queue => new[] { queue, ServiceQueues.ErrorQueue(queue) }), name =>
        {
            Assert.True(queues.TryGetValue(name, out var queue), $"{name} is not declared");
            Assert.Equal("quorum", queue.Type);
            Assert.Equal(cluster.Nodes.Select(node => node.Name).Order(), queue.Members.Order());
            Assert.Contains(queue.Leader, queue.Members);
        });
    }

    [Theory]
    [InlineData("query", 3)]
    [InlineData("invalidation", 2)]
    [InlineData("warmer", 2)]
    public void EveryServiceRunsItsReplicas(string service, int replicas)
    {
        var instances = platform.Host.Instances(service);

        Assert.Equal(replicas, instances.Count);
        Assert.All(instances, instance => Assert.True(instance.IsRunningAndHealthy, instance.ToString()));
    }
}
