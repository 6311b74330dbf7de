using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WidgetPlatform.AppHost.DevState;

/// <summary>What the AppHost does beyond Aspire for a developer's machine (docs/design.md §8).</summary>
public static class DevStateExtensions
{
    private const int DefaultDemoRows = 1_000_000;

    /// <summary>
    /// The state folder, the dev signing key and tokens, <c>resources.json</c>, and on first run the demo study
    /// (<c>WidgetPlatform:DemoRows</c> adverse events, default a million; 0 writes none).
    /// </summary>
    public static DevStateSettings AddDevState(this IDistributedApplicationBuilder builder)
    {
        var paths = StatePaths.For(builder);
        var credentials = DevCredentials.Prepare(paths.Root);
        Console.WriteLine($"State in {paths.Root}; dev tokens in {credentials.TokensPath}.");

        var demoRows = builder.Configuration.GetValue("WidgetPlatform:DemoRows", DefaultDemoRows);
        if (demoRows > 0)
        {
            builder.OnBeforeStart((_, cancellationToken) => DemoStudy.WriteIfNoStudyAsync(paths.DataRoot, demoRows, cancellationToken));
        }

        builder.Services.AddSingleton(paths);
        builder.Services.AddHostedService<ResourcesFileWriter>();
        return new DevStateSettings(paths, credentials);
    }

    /// <summary>
    /// What every service of the platform gets besides its references: an HTTP endpoint on a free port (for /health and
    /// /alive, and the gateway's API), the data root and the dev signing key.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> project, DevStateSettings state) =>
        project
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithEnvironment("WidgetPlatform__DataRoot", state.Paths.DataRoot)
            .WithEnvironment("WidgetPlatform__Auth__SigningKey", state.Credentials.SigningKey);
}
