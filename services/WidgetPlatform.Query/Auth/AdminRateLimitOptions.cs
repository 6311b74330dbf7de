namespace WidgetPlatform.Query.Auth;

/// <summary>
/// <c>WidgetPlatform:Auth:AdminRateLimit</c>: admin endpoints allow each caller (token subject) at most
/// <see cref="PermitLimit"/> requests per fixed <see cref="Window"/>, on each gateway replica.
/// </summary>
public sealed class AdminRateLimitOptions
{
    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
