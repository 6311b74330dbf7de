using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// The authentication service (what <c>HttpContext.AuthenticateAsync</c> and the standard AuthenticationMiddleware
/// call) with a fast path: a bearer token that <see cref="ValidatedTokenCache"/> holds authenticates the JwtBearer scheme
/// at once, as the principal validated for it, without creating a JwtBearer handler. Everything else (a token not seen
/// before, another scheme, challenges, forbids) goes to the framework's own service, whose JwtBearer handler validates the
/// token and whose events (<see cref="CachingJwtBearerEvents"/>) fill the cache.
/// </summary>
/// <remarks>
/// Why: even with the token cache behind JwtBearer's events, the standard path creates per request a handler with its
/// options, events, message context, ticket and properties, then the service's claims-transformation set and a second
/// ticket, which was most of what authentication still cost a cached widget hit. Answering a hit here is safe because
/// the token passed full validation with this configuration and has not expired. A registered claims transformation
/// turns the fast path off, so the transformation is never skipped. The ticket and result are made per request: unlike
/// the read-only principal, a ticket's properties can be written to, so they are not shared between requests.
/// </remarks>
internal sealed class CachedTokenAuthenticationService(ValidatedTokenCache cache, IClaimsTransformation claimsTransformation)
    : IAuthenticationService
{
    private readonly bool _enabled = claimsTransformation is NoopClaimsTransformation;

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) =>
        TryGetCached(context, scheme, out var principal)
            ? Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, JwtBearerDefaults.AuthenticationScheme)))
            : Standard(context).AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Standard(context).ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Standard(context).ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        Standard(context).SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        Standard(context).SignOutAsync(context, scheme, properties);

    // The middleware names the default scheme; a call without one (the 401 description) goes the standard way, where the
    // handler remembers this request's result.
    private bool TryGetCached(HttpContext context, string? scheme, [NotNullWhen(true)] out ClaimsPrincipal? principal)
    {
        principal = null;
        return _enabled && scheme == JwtBearerDefaults.AuthenticationScheme && cache.TryGet(BearerToken.Read(context.Request), out principal);
    }

    private static IAuthenticationService Standard(HttpContext context) => StandardServices.Of<IAuthenticationService>(context);
}
