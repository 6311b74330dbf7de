using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Connects the standard JwtBearerHandler to <see cref="ValidatedTokenCache"/>: a token validated now is remembered in
/// TokenValidated (with its parsed access, see <see cref="GatewayPrincipal"/>); a token validated before is answered from
/// the cache in MessageReceived, before the handler parses it or checks its signature. Most hits never reach the
/// handler (<see cref="CachedTokenAuthenticationService"/> answers them first); these are the rest: tokens from the
/// query string of the event stream, and requests under a claims transformation. Hooking the handler's events
/// rather than replacing the handler keeps everything else standard: OpenID Connect metadata and key refresh, the
/// WWW-Authenticate challenge, logging.
/// </summary>
internal sealed class CachingJwtBearerEvents(ValidatedTokenCache cache) : JwtBearerEvents
{
    public override Task MessageReceived(MessageReceivedContext context)
    {
        var token = BearerToken.Read(context.Request);
        if (token.IsEmpty && IsEventStream(context.Request))
        {
            // A browser's EventSource cannot send headers, so the SSE endpoint alone takes the token from the query.
            context.Token = context.Request.Query["access_token"];
            token = context.Token;
        }

        if (!token.IsEmpty && cache.TryGet(token, out var principal))
        {
            context.Principal = principal;
            context.Success();
        }

        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var principal = new GatewayPrincipal(context.Principal!);
        context.Principal = principal;
        if (context.SecurityToken is JsonWebToken token)
        {
            cache.Add(token.EncodedToken, principal, new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
        }

        return Task.CompletedTask;
    }

    private static bool IsEventStream(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value is { } path && path.EndsWith("/events", StringComparison.Ordinal);
}
