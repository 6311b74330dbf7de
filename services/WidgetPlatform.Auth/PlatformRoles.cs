namespace WidgetPlatform.Auth;

/// <summary>
/// The values of the <c>role</c> claim. Each role includes the ones before it: an uploader may read, an admin may
/// read and upload.
/// </summary>
public static class PlatformRoles
{
    /// <summary>Reads widgets, data, manifests and statistics.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also uploads datasets.</summary>
    public const string Uploader = "uploader";

    /// <summary>Also changes widget definitions, invalidates and warms the cache.</summary>
    public const string Admin = "admin";
}
