using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// A second gateway beside the AppHost's, on the same Redis, RabbitMQ and data, with settings of its own: Aspire's replicas
/// all share one environment, and the benchmark needs one gateway with its in-process layer off.
/// </summary>
internal static class GatewayCopy
{
    public static IResourceBuilder<ProjectResource> AddGatewayLike(
        this IDistributedApplicationTestingBuilder builder, string template, string name, IReadOnlyDictionary<string, string> environment)
    {
        var original = builder.CreateResourceBuilder<ProjectResource>(template).Resource;
        var copy = builder.AddProject(name, original.GetProjectMetadata().ProjectPath, launchProfileName: null);

        // AddProject gave the copy its own telemetry settings first; what the AppHost added after them (data root, signing
        // key, connection strings) and the waits are taken over as they are.
        var own = copy.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>().Count();
        foreach (var annotation in original.Annotations.OfType<EnvironmentCallbackAnnotation>().Skip(own))
        {
            copy.WithAnnotation(annotation, ResourceAnnotationMutationBehavior.Append);
        }

        foreach (var wait in original.Annotations.OfType<WaitAnnotation>())
        {
            copy.WithAnnotation(wait, ResourceAnnotationMutationBehavior.Append);
        }

        foreach (var (key, value) in environment)
        {
            copy.WithEnvironment(key, value);
        }

        return copy.WithHttpEndpoint().WithHttpHealthCheck("/health");
    }
}
