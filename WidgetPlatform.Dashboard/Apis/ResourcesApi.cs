using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Dashboard.Apis;

internal static class ResourcesApi
{
    private const int DefaultLogLines = 500;

    // Caps one poll's payload; a reader further behind than this skips to the newest lines.
    private const int MaxLogLines = 5000;

    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/resources");
        api.MapGet("/", GetResources);
        api.MapGet("/{name}/logs", GetLogs);

        var actions = api.MapGroup("/{name}").AddEndpointFilter<SameOriginFilter>();
        actions.MapPost("/start", (string name, [AsParameters] ResourceActionServices services) =>
            RunAsync(name, services, services.Control.StartAsync));
        actions.MapPost("/stop", (string name, [AsParameters] ResourceActionServices services) =>
            RunAsync(name, services, services.Control.StopAsync));
        actions.MapPost("/restart", (string name, [AsParameters] ResourceActionServices services) =>
            RunAsync(name, services, services.Control.RestartAsync));
        return endpoints;
    }

    private static Ok<IReadOnlyList<ResourceSnapshot>> GetResources(IResourceControl control) =>
        TypedResults.Ok(control.GetResources());

    private static Results<Ok<IReadOnlyList<LogLine>>, ProblemHttpResult> GetLogs(
        string name, IResourceControl control, long after = 0, int max = DefaultLogLines)
    {
        try
        {
            return TypedResults.Ok(control.GetLogs(name, after, Math.Clamp(max, 1, MaxLogLines)));
        }
        catch (KeyNotFoundException)
        {
            return UnknownResource(name);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RunAsync(
        string name, ResourceActionServices services, Func<string, CancellationToken, Task> action)
    {
        if (!services.Control.GetResources().Any(resource => resource.Name == name))
        {
            return UnknownResource(name);
        }

        // Not the request's token: closing the tab must not abandon a restart halfway, stopped but not started.
        await action(name, services.Lifetime.ApplicationStopping);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownResource(string name) =>
        TypedResults.Problem(
            title: "Unknown resource",
            detail: $"No resource instance is named '{name}'.",
            statusCode: StatusCodes.Status404NotFound);
}
