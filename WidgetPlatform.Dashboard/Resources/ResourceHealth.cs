namespace WidgetPlatform.Dashboard.Resources;

public enum ResourceHealth
{
    Unknown,
    Healthy,
    Degraded,
    Unhealthy,
}
