using Microsoft.AspNetCore.Http.HttpResults;

namespace WidgetPlatform.Query.Responses;

/// <summary>
/// 404 answers for handlers that return them rather than throw: the same title and detail as the exception handler gives
/// the same case, written the same way (through IProblemDetailsService, so as application/problem+json with a trace id).
/// </summary>
/// <remarks>
/// Not <c>NotFound&lt;ProblemDetails&gt;</c>: that writes plain application/json without the problem-details service, so
/// the body and its content type would differ from every other refusal of the gateway. Endpoints returning these declare
/// <c>ProducesProblem(404)</c> for OpenAPI.
/// </remarks>
public static class NotFoundProblems
{
    public const string WidgetTitle = "No such widget.";
    public const string DatasetTitle = "No such dataset version.";

    /// <summary>The detail matches the caching library's WidgetNotFoundException, which the data endpoints still throw.</summary>
    public static ProblemHttpResult Widget(string studyId, string widgetId) =>
        Problem(WidgetTitle, $"Study '{studyId}' has no widget '{widgetId}'.");

    public static ProblemHttpResult Study(string studyId) => Problem(DatasetTitle, $"Study '{studyId}' does not exist.");

    public static ProblemHttpResult Manifest(string studyId) => Problem(DatasetTitle, $"Study '{studyId}' has no manifest.");

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);
}
