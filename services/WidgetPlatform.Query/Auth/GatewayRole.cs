namespace WidgetPlatform.Query.Auth;

/// <summary>The <c>role</c> claim, ordered: each role may do what the ones below it may.</summary>
public enum GatewayRole
{
    None = 0,
    Viewer = 1,
    Uploader = 2,
    Admin = 3,
}
