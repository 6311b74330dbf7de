using Microsoft.AspNetCore.Http.Extensions;

namespace WidgetPlatform.Query.Responses;

/// <summary>
/// The answer to a request naming a data version that is no longer (or not yet) current: 307 to the same URL with the
/// current <c>v</c>, never the old data as if current. Not cacheable: where it points changes with the next version.
/// </summary>
public sealed class CurrentVersionRedirect(string location) : IResult
{
    public static CurrentVersionRedirect For(HttpRequest request, string currentVersion)
    {
        var query = new QueryBuilder(request.Query.Where(parameter => parameter.Key != "v")) { { "v", currentVersion } };
        return new CurrentVersionRedirect(request.PathBase + request.Path + query.ToQueryString());
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        response.Headers.Location = location;
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
