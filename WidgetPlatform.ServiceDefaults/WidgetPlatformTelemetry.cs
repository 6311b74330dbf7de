using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WidgetPlatform.ServiceDefaults;

/// <summary>The platform's own traces and metrics; ServiceDefaults subscribes to both, so services only emit.</summary>
public static class WidgetPlatformTelemetry
{
    public const string Name = "WidgetPlatform";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);
}
