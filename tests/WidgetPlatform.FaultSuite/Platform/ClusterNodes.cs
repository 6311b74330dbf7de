using Aspire.Hosting.Testing;
using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>The nodes of the scale-out profile's Redis Cluster (<c>cache-1</c> …) as the suite finds them.</summary>
public static class ClusterNodes
{
    /// <summary>The node resource that is primary for <paramref name="studyId"/>'s slot now.</summary>
    public static async Task<string> PrimaryOfAsync(TestPlatform host, string studyId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(host.GetConnectionString("cache"));
        var primary = redis.GetServers()[0].ClusterConfiguration!.GetBySlot(RedisKeys.Manifest(studyId))!.EndPoint!.ToString();
        for (var node = 1; ; node++)
        {
            var name = $"cache-{node}";
            var address = (await host.Application.GetConnectionStringAsync(name))?.Split(',')[0]
                ?? throw new InvalidOperationException($"No cluster node is primary at {primary}.");
            if (address == primary)
            {
                return name;
            }
        }
    }
}
