namespace WidgetPlatform.Benchmarks;

/// <summary>A result flattened for cross-checking ours against DuckDB's.</summary>
internal sealed record ResultRow(string? Key, double? Value);
