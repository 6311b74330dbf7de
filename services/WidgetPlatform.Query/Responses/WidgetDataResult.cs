using WidgetPlatform.Caching;

namespace WidgetPlatform.Query.Responses;

/// <summary>A data response: the cached body as stored for a hit, or the same bytes with the other cache result spliced in.</summary>
public sealed class WidgetDataResult(CacheAnswer answer, string entityTag, string cacheControl) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.ETag = entityTag;
        response.Headers.CacheControl = cacheControl;

        // Into the response pipe, one flush: each write to the response stream would be sent on its own.
        response.ContentLength = answer.BodyLength;
        answer.WriteBody(response.BodyWriter);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
