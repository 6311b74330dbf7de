using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// 401 and 403 as RFC 9457 problem details. The standard handler still challenges or forbids first, so JwtBearer sets
/// <c>WWW-Authenticate</c> as usual; this adds the body saying what was wrong.
/// </summary>
internal sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Succeeded
            ? next(context)
            : RefuseAsync(next, context, policy, authorizeResult);

    private async Task RefuseAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _standard.HandleAsync(next, context, policy, authorizeResult);
        if (context.Response.HasStarted || (!authorizeResult.Challenged && !authorizeResult.Forbidden))
        {
            return;
        }

        var detail = authorizeResult.Challenged
            ? await DescribeAuthenticationAsync(context)
            : DescribeFailure(authorizeResult.AuthorizationFailure);
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Detail = detail },
        });
    }

    private static async Task<string> DescribeAuthenticationAsync(HttpContext context)
    {
        // The handler remembers this request's result, so asking again does not validate the token again.
        var result = await context.AuthenticateAsync();
        return result.Failure switch
        {
            null => "This endpoint needs a bearer token: Authorization: Bearer <JWT>.",
            SecurityTokenExpiredException => "The bearer token has expired.",
            _ => "The bearer token is not valid.",
        };
    }

    private static string DescribeFailure(AuthorizationFailure? failure)
    {
        foreach (var reason in failure?.FailureReasons ?? [])
        {
            return reason.Message;
        }

        return "The token does not allow this request.";
    }
}
