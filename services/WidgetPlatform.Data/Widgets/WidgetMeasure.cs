namespace WidgetPlatform.Data.Widgets;

/// <summary><c>{ "op": "sum", "column": "dose" }</c>; count takes no column.</summary>
public sealed record WidgetMeasure
{
    public required MeasureOp Op { get; init; }

    public string? Column { get; init; }
}
