using System.Globalization;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Benchmarks;

internal static class ResultRows
{
    public static IReadOnlyList<ResultRow> From(WidgetResult result) => result switch
    {
        MetricResult metric when metric.PreviousValue.HasValue => [new("value", Number(metric.Value)), new("previous", Number(metric.PreviousValue))],
        MetricResult metric => [new("value", Number(metric.Value))],
        BreakdownResult breakdown => [.. breakdown.Buckets.Select(bucket => new ResultRow(Text(bucket.Key), Number(bucket.Value)))],
        TableResult table => [.. table.Rows.Select(bucket => new ResultRow(Text(bucket.Key), Number(bucket.Value)))],
        TimeseriesResult series => [.. series.Points.Select(point => new ResultRow(Text(point.T), Number(point.Value)))],
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>Equal up to float rounding: DuckDB sums doubles in its own order.</summary>
    public static bool Agree(IReadOnlyList<ResultRow> ours, IReadOnlyList<ResultRow> theirs) =>
        ours.Count == theirs.Count && ours.Zip(theirs).All(pair =>
            pair.First.Key == pair.Second.Key &&
            (pair.First.Value is null ? pair.Second.Value is null
                : pair.Second.Value is { } other && Math.Abs(pair.First.Value.Value - other) <= 1e-9 * Math.Max(1, Math.Abs(other))));

    public static string? Text(object? key) => key switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(key, CultureInfo.InvariantCulture),
    };

    private static double? Number(AggregateValue value) => value.HasValue ? value.ToDouble() : null;
}
