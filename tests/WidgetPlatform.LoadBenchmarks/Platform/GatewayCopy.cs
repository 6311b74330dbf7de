using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// Another gateway beside the AppHost's, on the same Redis, RabbitMQ, data and signing key, with settings of its own:
/// Aspire's replicas all share one environment, and the benchmark needs gateways with their in-process layer off or
/// their traces sampled. One started only on request (<paramref name="explicitStart"/>) costs nothing to the scenarios
/// that do not use it, not even a queue's fan-out.
/// </summary>
internal static class GatewayCopy
{
    public static IResourceBuilder<ProjectResource> AddGatewayLike(
        this IDistributedApplicationTestingBuilder builder, string template, string name, IReadOnlyDictionary<string, string> environment, bool explicitStart = false)
    {
        var project = builder.CreateResourceBuilder<ProjectResource>(template).Resource.GetProjectMetadata().ProjectPath;
        var cache = builder.CreateResourceBuilder<IResourceWithConnectionString>("cache");
        var messaging = builder.CreateResourceBuilder<IResourceWithConnectionString>("messaging");
        var state = builder.Configuration["WidgetPlatform:StateDirectory"]
            ?? throw new InvalidOperationException("The AppHost was started without WidgetPlatform:StateDirectory.");

        var copy = builder.AddProject(name, project, launchProfileName: null)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("WidgetPlatform__DataRoot", Path.Combine(state, "data"))
            .WithEnvironment("WidgetPlatform__Auth__SigningKey", File.ReadAllText(Path.Combine(state, "dev-signing-key")).Trim())
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging);
        foreach (var (key, value) in environment)
        {
            copy.WithEnvironment(key, value);
        }

        if (explicitStart)
        {
            copy.WithExplicitStart();
        }

        return copy;
    }
}
