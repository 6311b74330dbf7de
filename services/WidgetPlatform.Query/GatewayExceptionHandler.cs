using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;
using WidgetPlatform.Query.Uploads;

namespace WidgetPlatform.Query;

/// <summary>Every refusal and failure as an RFC 9457 problem detail, with the status that tells a client what to do.</summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problemDetails, CacheCounters counters, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException invalid => new HttpValidationProblemDetails(invalid.Errors) { Title = "The request is not valid." },
            InvalidIdentifierException or WidgetQueryException or WidgetDefinitionException or BadHttpRequestException =>
                Problem(StatusCodes.Status400BadRequest, "The request is not valid.", exception.Message),
            ForbiddenException => Problem(StatusCodes.Status403Forbidden, "Forbidden.", exception.Message),
            WidgetNotFoundException => Problem(StatusCodes.Status404NotFound, NotFoundProblem.WidgetTitle, exception.Message),
            DatasetNotFoundException => Problem(StatusCodes.Status404NotFound, NotFoundProblem.DatasetTitle, exception.Message),
            DatasetVersionConflictException => Problem(StatusCodes.Status409Conflict, "The version already exists.", exception.Message),
            BrokerUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "The message broker is unavailable.", exception.Message),
            DatasetReadException => Problem(StatusCodes.Status500InternalServerError, "A data file could not be read.", exception.Message),

            // Only what reads Redis itself gets here (study statistics): widget data bypasses a Redis in trouble (G6).
            StackExchange.Redis.RedisException or TimeoutException => Problem(
                StatusCodes.Status503ServiceUnavailable, "The cache's Redis is unavailable.", "Try again once it is back; widget data is still served."),
            _ => Problem(StatusCodes.Status500InternalServerError, "The request failed.", "An unexpected error occurred; it has been logged."),
        };

        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            counters.RecordError();
            LogFailure(logger, exception, httpContext.Request.Path);
        }

        problem.Status ??= StatusCodes.Status400BadRequest;
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, PathString path);
}
