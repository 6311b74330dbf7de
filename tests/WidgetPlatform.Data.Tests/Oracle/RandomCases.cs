using System.Globalization;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests.Oracle;

/// <summary>Random widget definitions and requests over <see cref="RandomTable"/>'s columns: every type × measure × filter kind.</summary>
public static class RandomCases
{
    private static readonly string[] NumericColumns = ["i32", "i64", "dbl"];
    private static readonly string[] AnyColumns = ["cat", "name", "i32", "i64", "dbl", "flag", "day", "ts"];
    private static readonly string[] DimensionColumns = ["cat", "name", "i32", "flag", "day"];
    private static readonly string[] FilterColumns = ["cat", "name", "i32", "i64", "flag", "day"];

    public static (WidgetDefinition Widget, WidgetQuery Query) Next(Random random, WidgetType type, IReadOnlyList<OracleRow> rows)
    {
        var op = (MeasureOp)random.Next(6);
        var timeColumn = type == WidgetType.Timeseries || random.Next(4) > 0 ? (random.Next(3) == 0 ? "ts" : "day") : null;
        var widget = new WidgetDefinition
        {
            WidgetId = "w",
            Type = type,
            Dataset = "T",
            Measure = new WidgetMeasure
            {
                Op = op,
                Column = op switch
                {
                    MeasureOp.Count => null,
                    MeasureOp.Distinct => Pick(random, AnyColumns),
                    _ => Pick(random, NumericColumns),
                },
            },
            Dimension = type is WidgetType.Breakdown or WidgetType.Table ? Pick(random, DimensionColumns) : null,
            TimeColumn = timeColumn,
            Interval = type == WidgetType.Timeseries ? (TimeInterval)random.Next(3) : null,
            Comparison = type == WidgetType.Metric && timeColumn is not null ? (ComparisonMode)random.Next(2) : null,
            Limit = type == WidgetType.Table ? 1 + random.Next(8) : null,
            Filters = random.Next(3) == 0 ? Filters(random, rows) : null,
        };

        DateOnly? from = null, to = null;
        if (timeColumn is not null && random.Next(5) > 0)
        {
            var start = RandomTable.FirstDay.AddDays(random.Next(-10, RandomTable.Days + 5));
            var length = random.Next(10) == 0 ? 0 : random.Next(RandomTable.Days / 2);
            from = random.Next(10) == 0 ? null : start;
            to = random.Next(10) == 0 && from is not null ? null : start.AddDays(length);
        }

        return (widget, new WidgetQuery { From = from, To = to, Filters = random.Next(2) == 0 ? Filters(random, rows) : new Dictionary<string, IReadOnlyList<string>>() });
    }

    private static Dictionary<string, IReadOnlyList<string>> Filters(Random random, IReadOnlyList<OracleRow> rows)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        var columns = 1 + random.Next(2);
        for (var index = 0; index < columns; index++)
        {
            var column = Pick(random, FilterColumns);
            var values = Enumerable.Range(0, 1 + random.Next(4))
                .Select(_ => rows.Count > 0 && random.Next(5) > 0 ? Text(rows[random.Next(rows.Count)].Get(column)) : Absent(column))
                .OfType<string>()
                .Distinct()
                .ToList();
            filters[column] = values.Count > 0 ? values : [Absent(column)];
        }

        return filters;
    }

    private static string Absent(string column) => column switch
    {
        "i32" or "i64" => "-999",
        "flag" => "false",
        "day" => "1999-01-01",
        _ => "absent-value",
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
