namespace WidgetPlatform.Data.Compute;

/// <summary><paramref name="T"/> is the bucket's first day.</summary>
public sealed record TimeseriesPoint(DateOnly T, AggregateValue Value);
