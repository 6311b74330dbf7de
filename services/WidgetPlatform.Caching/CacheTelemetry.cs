using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WidgetPlatform.Caching;

/// <summary>The cache path's traces and metrics, under the platform's own source and meter name that ServiceDefaults exports.</summary>
internal static class CacheTelemetry
{
    public const string Name = "WidgetPlatform";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);
}
