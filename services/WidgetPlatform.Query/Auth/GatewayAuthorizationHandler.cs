using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Decides role and study requirements from the caller's precomputed <see cref="CallerAccess"/>. It runs in the
/// authorization middleware, so a caller without access gets its 403 before any endpoint code or cache lookup runs.
/// The tests themselves are the requirements' own, which <see cref="GatewayPolicyEvaluator"/> applies too when it grants
/// a request without this handler. Written for the hot path: an index loop over the requirements, no LINQ, nothing
/// allocated when access is granted.
/// </summary>
internal sealed class GatewayAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Requirements is IReadOnlyList<IAuthorizationRequirement> requirements)
        {
            for (var i = 0; i < requirements.Count; i++)
            {
                Handle(context, requirements[i]);
            }
        }
        else
        {
            foreach (var requirement in context.Requirements)
            {
                Handle(context, requirement);
            }
        }

        return Task.CompletedTask;
    }

    private void Handle(AuthorizationHandlerContext context, IAuthorizationRequirement requirement)
    {
        switch (requirement)
        {
            case MinimumRoleRequirement role:
                HandleRole(context, role);
                break;
            case StudyAccessRequirement study:
                HandleStudy(context, study);
                break;
        }
    }

    private void HandleRole(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        var access = context.User.GetAccess();
        if (requirement.IsMetBy(access))
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, access.Role == GatewayRole.None
            ? $"This endpoint needs the {Name(requirement.Minimum)} role, and the token has no role claim this gateway knows."
            : $"This endpoint needs the {Name(requirement.Minimum)} role; the token has {Name(access.Role)}."));
    }

    private void HandleStudy(AuthorizationHandlerContext context, StudyAccessRequirement requirement)
    {
        // Endpoint routing passes the HttpContext as the resource; the route values are matched by then.
        if (context.Resource is not HttpContext http || StudyAccessRequirement.StudyOf(http) is not { } studyId)
        {
            context.Fail(new AuthorizationFailureReason(this, "This endpoint checks study access but has no {studyId} in its route."));
            return;
        }

        if (context.User.GetAccess().CanAccessStudy(studyId))
        {
            context.Succeed(requirement);
            return;
        }

        context.Fail(new AuthorizationFailureReason(this, $"The token does not grant access to study '{studyId}'."));
    }

    private static string Name(GatewayRole role) => role.ToString().ToLowerInvariant();
}
