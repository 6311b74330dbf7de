using System.Security.Claims;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// A validated caller together with its parsed <see cref="CallerAccess"/>. The token cache hands the same instance to
/// every request carrying the same token, so treat it as read-only: nothing may add claims or identities to it.
/// </summary>
public sealed class GatewayPrincipal : ClaimsPrincipal
{
    public GatewayPrincipal(ClaimsPrincipal validated)
        : base(validated.Identities) => Access = CallerAccess.From(validated);

    public CallerAccess Access { get; }
}
