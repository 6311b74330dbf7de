using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Query.Responses;

/// <summary>A JSON array of data responses in request order, written from the cached bodies without re-serialising them.</summary>
public sealed class DashboardResult(IReadOnlyList<CacheAnswer> answers) : IResult
{
    private static readonly byte[] Open = "["u8.ToArray();
    private static readonly byte[] Separator = ","u8.ToArray();
    private static readonly byte[] Close = "]"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "private, no-cache";

        var body = response.Body;
        var aborted = httpContext.RequestAborted;
        await body.WriteAsync(Open, aborted);
        for (var index = 0; index < answers.Count; index++)
        {
            if (index > 0)
            {
                await body.WriteAsync(Separator, aborted);
            }

            var (entry, result) = answers[index];
            if (result == CacheResult.Hit)
            {
                await body.WriteAsync(entry.Body, aborted);
            }
            else
            {
                await body.WriteAsync(entry.BodyBeforeCacheResult, aborted);
                await body.WriteAsync(ResponseBody.Suffix(result), aborted);
            }
        }

        await body.WriteAsync(Close, aborted);
    }
}
