using Microsoft.Extensions.Configuration;

namespace WidgetPlatform.AppHost.ScaleOut;

/// <summary>
/// <c>WidgetPlatform:Profile</c>: <c>single</c> (the default: one Redis, one broker, one replica of each service) or
/// <c>scale-out</c> (docs/operations.md, "Scale-out profile"): a Redis Cluster of 3 primaries with a replica each, a
/// RabbitMQ cluster of 3 nodes, three gateway replicas, two of each other service. <c>WidgetPlatform:Replicas:{name}</c> still overrides a service's count.
/// </summary>
public sealed record PlatformProfile(bool IsScaleOut)
{
    private const string Key = "WidgetPlatform:Profile";

    public const int ClusterPrimaries = 3;

    public const int ReplicasPerPrimary = 1;

    /// <summary>Three: a quorum queue on every node keeps serving with one of them down.</summary>
    public const int BrokerNodes = 3;

    public static PlatformProfile From(IConfiguration configuration)
    {
        var configured = configuration[Key];
        return configured switch
        {
            null or "" or "single" => new PlatformProfile(IsScaleOut: false),
            "scale-out" => new PlatformProfile(IsScaleOut: true),
            _ => throw new InvalidOperationException($"{Key} is '{configured}'; expected single or scale-out."),
        };
    }

    /// <summary>How many replicas of a service the profile runs unless configuration names another count.</summary>
    public int DefaultReplicas(string service) => (IsScaleOut, service) switch
    {
        (false, _) => 1,
        (true, "query") => 3,
        (true, _) => 2,
    };
}
