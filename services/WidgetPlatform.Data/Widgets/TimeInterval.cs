namespace WidgetPlatform.Data.Widgets;

public enum TimeInterval
{
    Day,
    Week,
    Month,
}
