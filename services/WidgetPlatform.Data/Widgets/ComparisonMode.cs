namespace WidgetPlatform.Data.Widgets;

public enum ComparisonMode
{
    None,
    PreviousPeriod,
}
