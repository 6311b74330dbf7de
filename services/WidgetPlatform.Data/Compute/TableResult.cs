namespace WidgetPlatform.Data.Compute;

public sealed record TableResult(IReadOnlyList<ResultBucket> Rows) : WidgetResult;
