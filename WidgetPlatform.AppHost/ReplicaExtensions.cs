using Microsoft.Extensions.Configuration;
using WidgetPlatform.AppHost.ScaleOut;

namespace WidgetPlatform.AppHost;

public static class ReplicaExtensions
{
    /// <summary>
    /// Replicas as <c>WidgetPlatform:Replicas:{name}</c> says (e.g. <c>--WidgetPlatform:Replicas:query=2</c>), else as many as
    /// the profile runs.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration, PlatformProfile profile)
    {
        var key = $"WidgetPlatform:Replicas:{project.Resource.Name}";
        var replicas = configuration.GetValue(key, profile.DefaultReplicas(project.Resource.Name));
        return replicas >= 1
            ? project.WithReplicas(replicas)
            : throw new InvalidOperationException($"{key} is {replicas}; a service needs at least one replica.");
    }
}
