namespace WidgetPlatform.Auth;

/// <summary>The claims a WidgetPlatform token carries (docs/design.md §6), by their JWT names.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";

    /// <summary>viewer, uploader or admin (<see cref="PlatformRoles"/>).</summary>
    public const string Role = "role";

    /// <summary>One claim per study id the caller may see, or a single <see cref="AllStudies"/>.</summary>
    public const string Studies = "studies";

    public const string AllStudies = "*";
}
