using Microsoft.AspNetCore.Authorization;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// What an endpoint requires when all it asks for is the gateway's own requirements (a minimum role, study access), read
/// once per endpoint from its real policies; null for any other endpoint, which the standard middleware then decides.
/// </summary>
internal sealed class GatewayEndpointAccess
{
    private GatewayEndpointAccess(GatewayRole minimumRole, bool studyAccess)
    {
        MinimumRole = minimumRole;
        StudyAccess = studyAccess;
    }

    public GatewayRole MinimumRole { get; }

    public bool StudyAccess { get; }

    public bool Allows(CallerAccess caller, RouteValueDictionary routeValues) =>
        caller.HasRole(MinimumRole)
        && (!StudyAccess || (routeValues.GetValueOrDefault(StudyAccessRequirement.RouteValue) is string studyId && caller.CanAccessStudy(studyId)));

    public static GatewayEndpointAccess? From(Endpoint endpoint, AuthorizationOptions options)
    {
        var metadata = endpoint.Metadata;
        var authorizeData = metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorizeData.Count == 0
            || metadata.GetMetadata<IAllowAnonymous>() is not null
            || metadata.GetMetadata<AuthorizationPolicy>() is not null
            || metadata.GetMetadata<IAuthorizationRequirementData>() is not null)
        {
            return null;
        }

        var minimumRole = GatewayRole.None;
        var studyAccess = false;
        foreach (var data in authorizeData)
        {
            if (!string.IsNullOrEmpty(data.Roles) || !string.IsNullOrEmpty(data.AuthenticationSchemes)
                || data.Policy is null || options.GetPolicy(data.Policy) is not { AuthenticationSchemes.Count: 0 } policy)
            {
                return null;
            }

            foreach (var requirement in policy.Requirements)
            {
                switch (requirement)
                {
                    case MinimumRoleRequirement role:
                        minimumRole = role.Minimum > minimumRole ? role.Minimum : minimumRole;
                        break;
                    case StudyAccessRequirement:
                        studyAccess = true;
                        break;
                    default:
                        return null;
                }
            }
        }

        return new GatewayEndpointAccess(minimumRole, studyAccess);
    }
}
