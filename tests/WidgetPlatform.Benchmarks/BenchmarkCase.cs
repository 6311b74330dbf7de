using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Benchmarks;

/// <summary>One widget request and the DuckDB SQL that answers the same question ({ae} is the files' read_parquet).</summary>
internal sealed record BenchmarkCase(string Name, WidgetDefinition Widget, WidgetQuery Query, string Sql);
