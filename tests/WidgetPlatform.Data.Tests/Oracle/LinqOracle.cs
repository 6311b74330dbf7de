using System.Globalization;
using System.Numerics;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests.Oracle;

/// <summary>docs/design.md §4 written the plain way, row by row with LINQ: what the engine must equal.</summary>
public static class LinqOracle
{
    private static readonly HashSet<string> IntegerColumns = ["i32", "i64"];

    public static WidgetResult Compute(IReadOnlyList<OracleRow> rows, WidgetDefinition widget, WidgetQuery query)
    {
        var filters = (widget.Filters ?? new Dictionary<string, IReadOnlyList<string>>()).Concat(query.Filters).ToList();
        var matching = rows.Where(row => filters.All(filter => Matches(row.Get(filter.Key), filter.Value))).ToList();
        var hasRange = query.From is not null || query.To is not null;
        int? DayOf(OracleRow row) => widget.TimeColumn switch
        {
            null => null,
            "day" => row.Day?.DayNumber,
            _ => row.Ts is { } ts ? (int)(ts.Ticks / TimeSpan.TicksPerDay) : null,
        };
        bool InRange(OracleRow row, int low, int high) => DayOf(row) is { } day && day >= low && day <= high;
        var from = query.From?.DayNumber ?? int.MinValue;
        var to = query.To?.DayNumber ?? int.MaxValue;
        var current = hasRange ? matching.Where(row => InRange(row, from, to)).ToList() : matching;
        var op = widget.Measure.Op;
        var column = widget.Measure.Column;

        switch (widget.Type)
        {
            case WidgetType.Metric:
                var value = Measure(current, op, column);
                if (widget.Comparison != ComparisonMode.PreviousPeriod || query.From is null || query.To is null)
                {
                    return new MetricResult(value, AggregateValue.Null, AggregateValue.Null, null);
                }

                var length = to - from + 1;
                var previous = Measure(matching.Where(row => InRange(row, from - length, from - 1)).ToList(), op, column);
                AggregateValue change = !value.HasValue || !previous.HasValue ? AggregateValue.Null
                    : value.IsInteger && previous.IsInteger ? AggregateValue.FromInteger(value.IntegerValue - previous.IntegerValue)
                    : AggregateValue.FromReal(value.ToDouble() - previous.ToDouble());
                double? percent = change.HasValue && previous.ToDouble() != 0 ? Math.Round(change.ToDouble() / previous.ToDouble() * 100, 2, MidpointRounding.AwayFromZero) : null;
                return new MetricResult(value, previous, change, percent);

            case WidgetType.Breakdown:
                return new BreakdownResult(Buckets(current, widget), Measure(current, op, column));

            case WidgetType.Table:
                return new TableResult(Buckets(current, widget).Take(widget.Limit!.Value).ToList());

            default:
                var interval = widget.Interval!.Value;
                var dated = current.Where(row => DayOf(row) is not null).ToList();
                var byBucket = dated.GroupBy(row => BucketStart(interval, DayOf(row)!.Value)).ToDictionary(group => group.Key, group => group.ToList());
                if (byBucket.Count == 0 && (query.From is null || query.To is null))
                {
                    return new TimeseriesResult(interval, []);
                }

                var first = query.From is { } f ? BucketStart(interval, f.DayNumber) : byBucket.Keys.Min();
                var last = query.To is { } t ? BucketStart(interval, t.DayNumber) : byBucket.Keys.Max();
                var points = new List<TimeseriesPoint>();
                for (var date = DateOnly.FromDayNumber(first); date.DayNumber <= last; date = Next(interval, date))
                {
                    points.Add(new TimeseriesPoint(date, byBucket.TryGetValue(date.DayNumber, out var bucketRows)
                        ? Measure(bucketRows, op, column)
                        : op == MeasureOp.Count ? AggregateValue.FromInteger(0)
                        : op == MeasureOp.Sum ? (IntegerColumns.Contains(column!) ? AggregateValue.FromInteger(0) : AggregateValue.FromReal(0))
                        : AggregateValue.Null));
                }

                return new TimeseriesResult(interval, points);
        }
    }

    private static List<ResultBucket> Buckets(List<OracleRow> rows, WidgetDefinition widget)
    {
        var groups = rows.GroupBy(row => new KeyBox(row.Get(widget.Dimension!)))
            .Select(group => new ResultBucket(group.Key.Value, Measure(group.ToList(), widget.Measure.Op, widget.Measure.Column)))
            .ToList();
        return [.. groups
            .OrderBy(bucket => bucket.Key is null)
            .ThenBy(bucket => bucket.Value.HasValue ? 0 : 1)
            .ThenByDescending(bucket => bucket.Value.HasValue ? (decimal)bucket.Value.ToDouble() : 0m)
            .ThenBy(bucket => bucket.Key is string text ? text : null, StringComparer.Ordinal)
            .ThenBy(bucket => bucket.Key is string ? null : bucket.Key)];
    }

    private static AggregateValue Measure(List<OracleRow> rows, MeasureOp op, string? column)
    {
        if (op == MeasureOp.Count)
        {
            return AggregateValue.FromInteger(rows.Count);
        }

        var values = rows.Select(row => row.Get(column!)).Where(value => value is not null && value is not double.NaN).ToList();
        if (op == MeasureOp.Distinct)
        {
            return AggregateValue.FromInteger(values.Select(value => value is double number ? number + 0.0 : value).Distinct().Count());
        }

        var integer = IntegerColumns.Contains(column!);
        var longs = integer ? values.Select(Convert.ToInt64).ToList() : [];
        var doubles = integer ? [] : values.Select(Convert.ToDouble).ToList();
        return op switch
        {
            MeasureOp.Sum => integer ? AggregateValue.FromInteger(longs.Sum()) : AggregateValue.FromReal(ExactSum(doubles)),
            MeasureOp.Avg when values.Count == 0 => AggregateValue.Null,
            MeasureOp.Avg => AggregateValue.FromReal((integer ? longs.Sum() : ExactSum(doubles)) / values.Count),
            _ when values.Count == 0 => AggregateValue.Null,
            MeasureOp.Min => integer ? AggregateValue.FromInteger(longs.Min()) : AggregateValue.FromReal(doubles.Min()),
            MeasureOp.Max => integer ? AggregateValue.FromInteger(longs.Max()) : AggregateValue.FromReal(doubles.Max()),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    /// <summary>The exact sum of the values (to 2^-64), rounded once: the engine's contract for real sums, computed with BigInteger.</summary>
    private static double ExactSum(List<double> values)
    {
        var total = values.Aggregate(BigInteger.Zero, (sum, value) => sum + new BigInteger(Math.Truncate(Math.ScaleB(value, 64))));
        return Math.ScaleB((double)total, -64);
    }

    private static bool Matches(object? value, IReadOnlyList<string> allowed) => value switch
    {
        null => false,
        string text => allowed.Contains(text),
        bool flag => allowed.Contains(flag ? "true" : "false"),
        DateOnly date => allowed.Contains(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => allowed.Contains(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private static int BucketStart(TimeInterval interval, int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return interval switch
        {
            TimeInterval.Day => dayNumber,
            TimeInterval.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).DayNumber,
            _ => new DateOnly(date.Year, date.Month, 1).DayNumber,
        };
    }

    private static DateOnly Next(TimeInterval interval, DateOnly date) => interval switch
    {
        TimeInterval.Day => date.AddDays(1),
        TimeInterval.Week => date.AddDays(7),
        _ => date.AddMonths(1),
    };

    /// <summary>Group keys as the engine reports them: integers widen to long.</summary>
    private readonly record struct KeyBox(object? Raw)
    {
        public object? Value => Raw is int number ? (long)number : Raw;
    }
}
