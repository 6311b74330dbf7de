using WidgetPlatform.AppHost.ScaleOut;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

/// <summary>The AppHost's scale-out profile (docs/operations.md, "Scale-out profile"): a Redis Cluster and replicas of every service.</summary>
public sealed class ScaleOutFixture() : PlatformFixture(new TestPlatformOptions
{
    AppHostSettings = new Dictionary<string, string> { ["WidgetPlatform:Profile"] = "scale-out" },
    Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        // Each forwarded request's destination, which the load-balancing tests read from its console.
        [LoadBalancer] = new Dictionary<string, string> { ["Logging__LogLevel__Yarp.ReverseProxy.Forwarder"] = "Information" },
    },
})
{
    /// <summary>The YARP resource in front of the gateway replicas.</summary>
    public const string LoadBalancer = GatewayLoadBalancer.ResourceName;
}

[CollectionDefinition(Name)]
public sealed class ScaleOutPlatform : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "scale-out";
}
