namespace WidgetPlatform.Query.Responses;

/// <summary>304 with the validators a cache needs to keep using its copy.</summary>
public sealed class NotModifiedResult(string entityTag, string cacheControl) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status304NotModified;
        response.Headers.ETag = entityTag;
        response.Headers.CacheControl = cacheControl;
        return Task.CompletedTask;
    }
}
