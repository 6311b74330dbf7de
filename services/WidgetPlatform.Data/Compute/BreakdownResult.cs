namespace WidgetPlatform.Data.Compute;

public sealed record BreakdownResult(IReadOnlyList<ResultBucket> Buckets, AggregateValue Total) : WidgetResult;
