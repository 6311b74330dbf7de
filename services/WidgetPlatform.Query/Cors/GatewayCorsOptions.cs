using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Query.Cors;

/// <summary>
/// Configuration section <c>WidgetPlatform:Gateway:Cors</c>: the browser origins (dashboards served from another host) that
/// may call the gateway. None by default: a browser on another origin is refused until its origin is listed.
/// </summary>
public sealed class GatewayCorsOptions
{
    public const string Section = "WidgetPlatform:Gateway:Cors";

    /// <summary>Origins as a browser sends them (<c>https://dashboards.example.com</c>: scheme, host, port; no path).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may reuse a preflight answer before asking again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
