using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// The authorization middleware with a fast path: a caller with a validated gateway token, on an endpoint that asks only
/// for the gateway's own requirements, is let through when its precomputed <see cref="CallerAccess"/> satisfies them;
/// every other request, and every refusal, goes through the standard AuthorizationMiddleware, so its decisions and its
/// 401/403 problem details are unchanged.
/// </summary>
/// <remarks>
/// Why: on a cached widget hit the standard middleware was the largest piece of per-request work after the endpoint
/// itself: a policy evaluator, an authentication ticket, a handler context and the handlers enumerated per request, and
/// two process-wide locks taken to read an AppContext switch, contended at 64 connections on two cores. The fast path
/// grants exactly what <see cref="GatewayAuthorizationHandler"/> would, reading the same requirements from the same
/// policies.
/// </remarks>
internal sealed class GatewayAuthorizationMiddleware
{
    private const string AuthorizationInvokedKey = "__AuthorizationMiddlewareWithEndpointInvoked";
    private static readonly object Invoked = true;

    private readonly RequestDelegate _next;
    private readonly AuthorizationMiddleware _standard;
    private readonly AuthorizationOptions _options;
    private readonly ConcurrentDictionary<Endpoint, GatewayEndpointAccess?> _endpoints = new();

    public GatewayAuthorizationMiddleware(
        RequestDelegate next, IAuthorizationPolicyProvider policies, IServiceProvider services, IOptions<AuthorizationOptions> options)
    {
        _next = next;
        _standard = new AuthorizationMiddleware(next, policies, services);
        _options = options.Value;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User is GatewayPrincipal caller
            && context.GetEndpoint() is { } endpoint
            && _endpoints.GetOrAdd(endpoint, static (endpoint, options) => GatewayEndpointAccess.From(endpoint, options), _options) is { } access
            && access.Allows(caller.Access, context.Request.RouteValues))
        {
            // The mark the standard middleware leaves; without it the endpoint middleware refuses to run an endpoint
            // that carries authorization metadata.
            context.Items[AuthorizationInvokedKey] = Invoked;
            return _next(context);
        }

        return _standard.Invoke(context);
    }
}
