using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// The policy evaluator the standard AuthorizationMiddleware asks, with a fast path: a caller with a validated gateway
/// token, under a policy made only of the gateway's own requirements, is granted when its precomputed
/// <see cref="CallerAccess"/> meets each of them, by the same tests <see cref="GatewayAuthorizationHandler"/> applies.
/// Every other evaluation, and every refusal, is the framework's own evaluator's, so 401 and 403, their failure reasons
/// and their problem details are decided exactly as before.
/// </summary>
/// <remarks>
/// Why: the standard evaluator is transient, and evaluating through it creates per request the evaluator, the
/// authorization service with its handler provider and the handler list, a handler context with its set of pending
/// requirements, and the tasks between them, which was the largest piece of authorization's cost on a cached widget hit.
/// A grant here costs one task (handing back the authentication result) and takes no lock. It needs the HttpContext as
/// the authorization resource, as the handler does; it leaves any policy with another kind of requirement to the
/// standard evaluation; and it takes the handler to be the only one that judges the gateway's own requirement types.
/// </remarks>
internal sealed class GatewayPolicyEvaluator : IPolicyEvaluator
{
    private static readonly Task<PolicyAuthorizationResult> Granted = Task.FromResult(PolicyAuthorizationResult.Success());

    /// <summary>
    /// A policy without schemes of its own takes the authentication middleware's result, as the standard evaluator does,
    /// answered here so that no standard evaluator is created for it.
    /// </summary>
    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context) =>
        policy.AuthenticationSchemes.Count == 0 && context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { } result
            ? Task.FromResult(result)
            : Standard(context).AuthenticateAsync(policy, context);

    public Task<PolicyAuthorizationResult> AuthorizeAsync(
        AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource) =>
        ReferenceEquals(resource, context) && context.User is GatewayPrincipal caller && MeetsAll(policy.Requirements, caller.Access, context)
            ? Granted
            : Standard(context).AuthorizeAsync(policy, authenticationResult, context, resource);

    private static bool MeetsAll(IReadOnlyList<IAuthorizationRequirement> requirements, CallerAccess caller, HttpContext context)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            var met = requirements[i] switch
            {
                MinimumRoleRequirement role => role.IsMetBy(caller),
                StudyAccessRequirement => StudyAccessRequirement.IsMetBy(caller, context),
                // Not the gateway's own: only the standard evaluation, with every registered handler, may decide it.
                _ => false,
            };
            if (!met)
            {
                return false;
            }
        }

        return true;
    }

    private static IPolicyEvaluator Standard(HttpContext context) => StandardServices.Of<IPolicyEvaluator>(context);
}
