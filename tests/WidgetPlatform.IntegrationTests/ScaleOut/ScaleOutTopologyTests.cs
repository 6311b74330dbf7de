using StackExchange.Redis;

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
