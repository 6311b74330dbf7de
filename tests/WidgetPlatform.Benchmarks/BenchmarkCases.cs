using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Benchmarks;

internal static class BenchmarkCases
{
    public static readonly DateOnly LastDay = new(2024, 12, 30);

    public static IReadOnlyList<BenchmarkCase> Cold()
    {
        var from = LastDay.AddDays(-89);
        var previousFrom = from.AddDays(-90);
        return
        [
            new("metric count, 90 days vs previous", Widget(WidgetType.Metric, MeasureOp.Count) with { Comparison = ComparisonMode.PreviousPeriod },
                new WidgetQuery { From = from, To = LastDay },
                $"SELECT count(*) FILTER (WHERE event_date >= DATE '{from:yyyy-MM-dd}'), count(*) FILTER (WHERE event_date < DATE '{from:yyyy-MM-dd}') FROM {{ae}} WHERE event_date BETWEEN DATE '{previousFrom:yyyy-MM-dd}' AND DATE '{LastDay:yyyy-MM-dd}'"),
            new("metric distinct subjects", Widget(WidgetType.Metric, MeasureOp.Distinct, "subject_id"), WidgetQuery.Unfiltered,
                "SELECT count(DISTINCT subject_id) FROM {ae}"),
            new("metric avg dose, 90 days", Widget(WidgetType.Metric, MeasureOp.Avg, "dose_mg"), new WidgetQuery { From = from, To = LastDay },
                $"SELECT avg(dose_mg) FROM {{ae}} WHERE event_date BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{LastDay:yyyy-MM-dd}'"),
            new("breakdown count by severity", Widget(WidgetType.Breakdown, MeasureOp.Count) with { Dimension = "severity" }, WidgetQuery.Unfiltered,
                "SELECT severity, count(*) AS v FROM {ae} GROUP BY severity ORDER BY v DESC, severity NULLS LAST"),
            new("breakdown distinct subjects by site", Widget(WidgetType.Breakdown, MeasureOp.Distinct, "subject_id") with { Dimension = "site" }, WidgetQuery.Unfiltered,
                "SELECT site, count(DISTINCT subject_id) AS v FROM {ae} GROUP BY site ORDER BY v DESC, site NULLS LAST"),
            new("timeseries daily count", Widget(WidgetType.Timeseries, MeasureOp.Count) with { Interval = TimeInterval.Day }, WidgetQuery.Unfiltered,
                "SELECT event_date, count(*) FROM {ae} WHERE event_date IS NOT NULL GROUP BY 1 ORDER BY 1"),
            new("timeseries weekly, filtered", Widget(WidgetType.Timeseries, MeasureOp.Count) with
                {
                    Interval = TimeInterval.Week,
                    Filters = new Dictionary<string, IReadOnlyList<string>> { ["serious"] = ["true"], ["site"] = ["S01", "S02", "S03"] },
                },
                WidgetQuery.Unfiltered,
                "SELECT date_trunc('week', event_date) AS w, count(*) FROM {ae} WHERE serious AND site IN ('S01', 'S02', 'S03') AND event_date IS NOT NULL GROUP BY 1 ORDER BY 1"),
            new("table top 10 subjects", Widget(WidgetType.Table, MeasureOp.Count) with { Dimension = "subject_id", Limit = 10 }, WidgetQuery.Unfiltered,
                "SELECT subject_id, count(*) AS v FROM {ae} GROUP BY 1 ORDER BY v DESC, subject_id LIMIT 10"),
            new("table top terms by sum dose", Widget(WidgetType.Table, MeasureOp.Sum, "dose_mg") with { Dimension = "term", Limit = 10 }, WidgetQuery.Unfiltered,
                "SELECT term, sum(dose_mg) AS v FROM {ae} GROUP BY 1 ORDER BY coalesce(v, 0) DESC, term NULLS LAST LIMIT 10"),
        ];
    }

    /// <summary>Breakdown over a sliding 30-day window: the query the daily partials exist for.</summary>
    public static BenchmarkCase RangeBreakdown(DateOnly from, DateOnly to) =>
        new($"range breakdown {from:MM-dd}..{to:MM-dd}", Widget(WidgetType.Breakdown, MeasureOp.Count) with { Dimension = "severity" },
            new WidgetQuery { From = from, To = to },
            $"SELECT severity, count(*) AS v FROM {{ae}} WHERE event_date BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{to:yyyy-MM-dd}' GROUP BY severity ORDER BY v DESC, severity NULLS LAST");

    private static WidgetDefinition Widget(WidgetType type, MeasureOp op, string? column = null) => new()
    {
        WidgetId = "bench",
        Type = type,
        Dataset = "AE",
        Measure = new WidgetMeasure { Op = op, Column = column },
        TimeColumn = "event_date",
    };
}
