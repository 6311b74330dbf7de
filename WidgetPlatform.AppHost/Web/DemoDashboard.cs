using Microsoft.Extensions.Configuration;
using WidgetPlatform.AppHost.DevState;

namespace WidgetPlatform.AppHost.Web;

/// <summary>
/// The demo dashboard (clients/demo-dashboard), built and served by Vite as the resource <c>web</c>: what a newcomer opens
/// first. It calls the gateway from its own origin, which the gateway allows by CORS, with the dev viewer token.
/// </summary>
public static class DemoDashboard
{
    public const string ResourceName = "web";

    /// <summary>
    /// Adds <c>web</c> unless <c>WidgetPlatform:Web:Enabled</c> is false (the tests that do not open it leave it out: its
    /// build costs seconds of CPU on every start). Its packages must be installed (scripts/run.sh and scripts/test.sh do).
    /// </summary>
    /// <param name="entry">What the dashboard calls: the gateway, or the load balancer in front of its replicas.</param>
    public static void AddDemoDashboard(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> entry, IResourceBuilder<ProjectResource> gateway, DevStateSettings state)
    {
        if (!builder.Configuration.GetValue("WidgetPlatform:Web:Enabled", true))
        {
            return;
        }

        var folder = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "clients", "demo-dashboard"));
        var web = builder.AddExecutable(ResourceName, "npm", folder, "run", "serve")
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/")
            .WithEnvironment("VITE_GATEWAY_URL", entry.GetEndpoint("http"))
            .WithEnvironment("VITE_STUDY_ID", DemoStudy.StudyId)
            .WithEnvironment("VITE_DEV_TOKEN", state.Credentials.Tokens.Viewer)
            .WaitFor(entry);

        // A browser may name the page by either loopback spelling; CORS compares origins exactly.
        var port = web.GetEndpoint("http").Property(EndpointProperty.Port);
        gateway
            .WithEnvironment("WidgetPlatform__Gateway__Cors__AllowedOrigins__0", ReferenceExpression.Create($"http://localhost:{port}"))
            .WithEnvironment("WidgetPlatform__Gateway__Cors__AllowedOrigins__1", ReferenceExpression.Create($"http://127.0.0.1:{port}"));
    }
}
