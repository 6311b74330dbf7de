using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace WidgetPlatform.LoadBalancer;

/// <summary>
/// A GET or HEAD that could not reach its replica (refused, reset, no response headers) is sent once more to another:
/// a replica that died is taken out by the health checks only within their interval, and every read sent to it meanwhile
/// would otherwise be a 502. Reads are safe to repeat and carry no body; anything else is never repeated.
/// </summary>
public static class RetryOnAnotherReplica
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        await next();

        if (!IsSafe(context.Request.Method) || context.Response.HasStarted
            || context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request or ForwarderError.RequestTimedOut }
            || proxy.ProxiedDestination is not { } failed
            || candidates.Where(destination => destination != failed).ToList() is not { Count: > 0 } others)
        {
            return;
        }

        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        proxy.AvailableDestinations = others;
        await next();
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
