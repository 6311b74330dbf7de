namespace WidgetPlatform.Data.Widgets;

public enum WidgetType
{
    Metric,
    Breakdown,
    Timeseries,
    Table,
}
