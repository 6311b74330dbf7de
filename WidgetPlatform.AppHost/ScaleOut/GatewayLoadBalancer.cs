using WidgetPlatform.AppHost.DevState;

namespace WidgetPlatform.AppHost.ScaleOut;

public static class GatewayLoadBalancer
{
    public const string ResourceName = "query-lb";

    private const string DestinationsFile = "destinations.json";

    /// <summary>
    /// <c>query-lb</c>: YARP (<c>services/WidgetPlatform.LoadBalancer</c>) in front of every gateway replica, routing only to
    /// those whose <c>/health</c> answers (docs/operations.md, "Scale-out profile"); its replica list is kept by
    /// <see cref="GatewayDestinationsWriter"/>. Its own endpoint is not proxied: it is the proxy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGatewayLoadBalancer(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, DevStateSettings state)
    {
        var file = Path.Combine(state.Paths.Resource(ResourceName), DestinationsFile);
        var replicas = gateway.Resource.Annotations.OfType<ReplicaAnnotation>().FirstOrDefault()?.Replicas ?? 1;
        var writer = new GatewayDestinationsWriter(gateway.Resource.Name, replicas, file);

        return builder.AddProject<Projects.WidgetPlatform_LoadBalancer>(ResourceName)
            .WithHttpEndpoint(isProxied: false)
            .WithHttpHealthCheck("/health")
            .WithEnvironment("WidgetPlatform__LoadBalancer__DestinationsFile", file)
            .WaitFor(gateway)
            // Not a hosted service: the orchestrator's start, which waits for this resource, may come before one starts.
            .OnInitializeResource((_, initialize, cancellationToken) => writer.FollowAsync(initialize.Notifications, cancellationToken))
            .OnBeforeResourceStarted((_, _, cancellationToken) => writer.WaitForEveryReplicaAsync(cancellationToken));
    }
}
