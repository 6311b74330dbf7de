namespace WidgetPlatform.Data.Compute;

internal sealed record PlannedColumn(string Name, ColumnKind Kind);
