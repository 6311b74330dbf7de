using Microsoft.AspNetCore.Authorization;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// Named authorization policies (for <c>[Authorize(Policy = …)]</c>) and the admin rate-limiter policy. Endpoint code
/// normally uses <see cref="GatewayAuthEndpointExtensions"/> instead.
/// </summary>
public static class GatewayPolicies
{
    public const string Viewer = "viewer";
    public const string Uploader = "uploader";
    public const string Admin = "admin";
    public const string StudyAccess = "study-access";

    /// <summary>The rate-limiter policy of admin endpoints (a separate namespace from the authorization policies).</summary>
    public const string AdminRateLimit = "admin";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, Policy(new MinimumRoleRequirement(GatewayRole.Viewer)));
        options.AddPolicy(Uploader, Policy(new MinimumRoleRequirement(GatewayRole.Uploader)));
        options.AddPolicy(Admin, Policy(new MinimumRoleRequirement(GatewayRole.Admin)));
        options.AddPolicy(StudyAccess, Policy(StudyAccessRequirement.Instance));
    }

    private static AuthorizationPolicy Policy(IAuthorizationRequirement requirement) =>
        new AuthorizationPolicyBuilder().AddRequirements(requirement).Build();
}
