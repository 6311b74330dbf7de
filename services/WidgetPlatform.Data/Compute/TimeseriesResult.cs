using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

public sealed record TimeseriesResult(TimeInterval Interval, IReadOnlyList<TimeseriesPoint> Points) : WidgetResult;
