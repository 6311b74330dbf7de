using System.Diagnostics;

namespace WidgetPlatform.Query;

/// <summary>The gateway's own spans, under the platform's source name that ServiceDefaults exports.</summary>
internal static class GatewayTelemetry
{
    public static readonly ActivitySource ActivitySource = new("WidgetPlatform");
}
