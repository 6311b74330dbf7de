using System.Security.Claims;

namespace WidgetPlatform.Query.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's role and studies: precomputed for a gateway token, parsed from the claims otherwise.</summary>
    public static CallerAccess GetAccess(this ClaimsPrincipal user) =>
        user is GatewayPrincipal gateway ? gateway.Access : CallerAccess.From(user);

    /// <summary>
    /// For handlers that take a study id from the body rather than the route (invalidations, warmups): whether the
    /// caller's <c>studies</c> claim covers it.
    /// </summary>
    public static bool CanAccessStudy(this ClaimsPrincipal user, string studyId) => user.GetAccess().CanAccessStudy(studyId);
}
