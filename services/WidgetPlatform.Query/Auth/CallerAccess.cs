using System.Collections.Frozen;
using System.Security.Claims;
using WidgetPlatform.Auth;

namespace WidgetPlatform.Query.Auth;

/// <summary>
/// What a validated token allows, read from its claims once (when the token is validated) so that per-request checks
/// are a comparison and a set lookup, not a walk over the claims.
/// </summary>
public sealed class CallerAccess
{
    public static readonly CallerAccess None = new(null, GatewayRole.None, allStudies: false, FrozenSet<string>.Empty);

    private readonly FrozenSet<string> _studies;

    private CallerAccess(string? subject, GatewayRole role, bool allStudies, FrozenSet<string> studies)
    {
        Subject = subject;
        Role = role;
        AllStudies = allStudies;
        _studies = studies;
    }

    /// <summary>The token's <c>sub</c>: whom the admin rate limit counts.</summary>
    public string? Subject { get; }

    /// <summary>The highest recognised <c>role</c> claim; <see cref="GatewayRole.None"/> when there is none.</summary>
    public GatewayRole Role { get; }

    /// <summary>The <c>studies</c> claim is <c>*</c>.</summary>
    public bool AllStudies { get; }

    public IReadOnlySet<string> Studies => _studies;

    public bool HasRole(GatewayRole minimum) => Role >= minimum;

    /// <summary>Study ids compare ordinally: <c>study-001</c> is not <c>STUDY-001</c>.</summary>
    public bool CanAccessStudy(string studyId) => AllStudies || _studies.Contains(studyId);

    public static CallerAccess From(ClaimsPrincipal principal)
    {
        string? subject = null;
        var role = GatewayRole.None;
        var allStudies = false;
        var studies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.Claims)
        {
            switch (claim.Type)
            {
                case PlatformClaims.Subject:
                    subject ??= claim.Value;
                    break;
                case PlatformClaims.Role when ParseRole(claim.Value) is var parsed && parsed > role:
                    role = parsed;
                    break;
                case PlatformClaims.Studies when claim.Value == PlatformClaims.AllStudies:
                    allStudies = true;
                    break;
                case PlatformClaims.Studies when claim.Value.Length > 0:
                    studies.Add(claim.Value);
                    break;
            }
        }

        return new CallerAccess(subject, role, allStudies, studies.ToFrozenSet(StringComparer.Ordinal));
    }

    public static GatewayRole ParseRole(string value) => value switch
    {
        PlatformRoles.Viewer => GatewayRole.Viewer,
        PlatformRoles.Uploader => GatewayRole.Uploader,
        PlatformRoles.Admin => GatewayRole.Admin,
        _ => GatewayRole.None,
    };
}
