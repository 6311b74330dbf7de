using Microsoft.Extensions.Configuration;

namespace WidgetPlatform.AppHost;

public static class ReplicaExtensions
{
    /// <summary>Replicas as <c>WidgetPlatform:Replicas:{name}</c> says (default 1), e.g. <c>--WidgetPlatform:Replicas:query=2</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(this IResourceBuilder<ProjectResource> project, IConfiguration configuration)
    {
        var key = $"WidgetPlatform:Replicas:{project.Resource.Name}";
        var replicas = configuration.GetValue(key, 1);
        return replicas >= 1
            ? project.WithReplicas(replicas)
            : throw new InvalidOperationException($"{key} is {replicas}; a service needs at least one replica.");
    }
}
