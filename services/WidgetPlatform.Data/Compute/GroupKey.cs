namespace WidgetPlatform.Data.Compute;

/// <summary>A dimension value (string, long, bool or DateOnly), or null for rows whose dimension is null.</summary>
internal readonly record struct GroupKey(object? Value);
