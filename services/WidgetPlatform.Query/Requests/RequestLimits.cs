namespace WidgetPlatform.Query.Requests;

/// <summary>The input limits of docs/design.md §6.</summary>
public static class RequestLimits
{
    public const int FilterColumns = 10;
    public const int ValuesPerColumn = 50;
    public const int ValueLength = 256;
    public const int WidgetsPerDashboard = 50;
}
