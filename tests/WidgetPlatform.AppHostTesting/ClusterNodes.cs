using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace WidgetPlatform.AppHostTesting;

/// <summary>The nodes of the scale-out profile's Redis Cluster (<c>cache-1</c> …) as tests find them.</summary>
public static class ClusterNodes
{
    /// <summary>The node resource that is primary for <paramref name="key"/>'s slot now, and its address.</summary>
    public static async Task<(string Resource, string Address)> PrimaryOfAsync(TestPlatform host, RedisKey key)
    {
        var primary = await PrimaryAddressOfAsync(host, key);
        var nodes = host.Application.Services.GetRequiredService<Aspire.Hosting.ApplicationModel.DistributedApplicationModel>().Resources
            .Select(resource => resource.Name)
            .Where(name => name.StartsWith("cache-", StringComparison.Ordinal) && int.TryParse(name["cache-".Length..], out _));
        foreach (var node in nodes)
        {
            if ((await host.Application.GetConnectionStringAsync(node))?.Split(',')[0] == primary)
            {
                return (node, primary);
            }
        }

        throw new InvalidOperationException($"No cluster node is primary at {primary}.");
    }

    /// <summary>The address of the primary serving <paramref name="key"/>'s slot, as a connected node reports the topology.</summary>
    public static async Task<string> PrimaryAddressOfAsync(TestPlatform host, RedisKey key)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(host.GetConnectionString("cache"));
        var connected = redis.GetServers().First(server => server.IsConnected && server.ClusterConfiguration is not null);
        return connected.ClusterConfiguration!.GetBySlot(key)?.EndPoint?.ToString()
            ?? throw new InvalidOperationException($"No node serves the slot of {key}.");
    }
}
