using Microsoft.AspNetCore.Authorization;

namespace WidgetPlatform.Query.Auth;

/// <summary>The caller's role is at least <see cref="Minimum"/> (an admin may do what a viewer may).</summary>
public sealed class MinimumRoleRequirement(GatewayRole minimum) : IAuthorizationRequirement
{
    public GatewayRole Minimum { get; } = minimum;

    public bool IsMetBy(CallerAccess caller) => caller.HasRole(Minimum);
}
