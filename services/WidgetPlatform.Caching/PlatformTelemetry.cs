using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WidgetPlatform.Caching;

/// <summary>
/// The platform's own spans and meters, under the one source and meter name that ServiceDefaults exports: the cache path's,
/// the invalidation service's and the gateway's.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "WidgetPlatform";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);
}
