using System.Buffers;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Entries;

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

        var entry = answer.Entry;
        if (answer.Result == CacheResult.Hit)
        {
            response.ContentLength = entry.Body.Length;
            await response.Body.WriteAsync(entry.Body, httpContext.RequestAborted);
            return;
        }

        // Two pieces, one flush: each write to the response stream would be sent on its own.
        var suffix = ResponseBody.Suffix(answer.Result);
        response.ContentLength = entry.BodyBeforeCacheResult.Length + suffix.Length;
        response.BodyWriter.Write(entry.BodyBeforeCacheResult.Span);
        response.BodyWriter.Write(suffix.Span);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
