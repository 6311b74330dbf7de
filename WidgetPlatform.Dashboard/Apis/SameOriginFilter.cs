using Microsoft.AspNetCore.Http;

namespace WidgetPlatform.Dashboard.Apis;

/// <summary>
/// Refuses actions posted from other origins: any web page the developer visits could otherwise POST
/// to 127.0.0.1 and stop their services. Browsers always send Origin on POST; scripts and tests send none.
/// </summary>
internal sealed class SameOriginFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(TypedResults.Problem(
            title: "Cross-origin request refused",
            detail: $"Actions are accepted only from the dashboard's own page, not from '{origin}'.",
            statusCode: StatusCodes.Status403Forbidden));
    }
}
