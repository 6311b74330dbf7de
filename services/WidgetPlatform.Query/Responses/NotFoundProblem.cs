using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace WidgetPlatform.Query.Responses;

/// <summary>
/// 404 for handlers that return a miss rather than throw it, answered as the exception handler answers the same case:
/// the same title and detail, written through IProblemDetailsService (application/problem+json with a trace id), and
/// marked not to be stored, as the exception handler marks its answers, so that a widget or manifest created later is
/// never hidden behind a cached 404. It declares itself to OpenAPI.
/// </summary>
/// <remarks>
/// Not <c>NotFound&lt;ProblemDetails&gt;</c>: that writes plain application/json without the problem-details service,
/// so the body and its content type would differ from every other refusal of the gateway.
/// </remarks>
public sealed class NotFoundProblem : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public const string WidgetTitle = "No such widget.";
    public const string DatasetTitle = "No such dataset version.";

    private readonly ProblemHttpResult _problem;

    private NotFoundProblem(string title, string detail) =>
        _problem = TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public int? StatusCode => StatusCodes.Status404NotFound;

    /// <summary>The detail matches the caching library's WidgetNotFoundException, which the data endpoints still throw.</summary>
    public static NotFoundProblem Widget(string studyId, string widgetId) => new(WidgetTitle, $"Study '{studyId}' has no widget '{widgetId}'.");

    public static NotFoundProblem Entry(string key) => new("No such entry.", $"Redis holds no entry '{key}': never stored, expired, or deleted.");

    public static NotFoundProblem Study(string studyId) => new(DatasetTitle, $"Study '{studyId}' does not exist.");

    public static NotFoundProblem Manifest(string studyId) => new(DatasetTitle, $"Study '{studyId}' has no manifest.");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        headers.CacheControl = "no-cache,no-store";
        headers.Pragma = "no-cache";
        headers.Expires = "-1";
        return _problem.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
}
