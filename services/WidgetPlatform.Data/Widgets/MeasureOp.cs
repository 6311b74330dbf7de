namespace WidgetPlatform.Data.Widgets;

public enum MeasureOp
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Distinct,
}
