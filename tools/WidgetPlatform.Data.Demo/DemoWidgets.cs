using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Demo;

/// <summary>The demo study's widgets: every widget type and every measure, over source and transformed data.</summary>
public static class DemoWidgets
{
    public static IReadOnlyList<WidgetDefinition> All() =>
    [
        Widget("ae-total", "Adverse events", WidgetType.Metric, MeasureOp.Count) with { Comparison = ComparisonMode.PreviousPeriod, Priority = true, TtlClass = TtlClass.Short },
        Widget("ae-serious", "Serious adverse events", WidgetType.Metric, MeasureOp.Count) with { Comparison = ComparisonMode.PreviousPeriod, Filters = Filter("serious", "true") },
        Widget("ae-subjects", "Subjects with an adverse event", WidgetType.Metric, MeasureOp.Distinct, "subject_id") with { Comparison = ComparisonMode.PreviousPeriod },
        Widget("ae-avg-duration", "Average duration (days)", WidgetType.Metric, MeasureOp.Avg, "duration_days") with { Comparison = ComparisonMode.None },
        Widget("ae-by-severity", "Adverse events by severity", WidgetType.Breakdown, MeasureOp.Count) with { Dimension = "severity", Priority = true },
        Widget("ae-subjects-by-site", "Subjects with events by site", WidgetType.Breakdown, MeasureOp.Distinct, "subject_id") with { Dimension = "site" },
        Widget("ae-dose-by-term", "Dose by term (mg)", WidgetType.Breakdown, MeasureOp.Sum, "dose_mg") with { Dimension = "term", TtlClass = TtlClass.Long },
        Widget("ae-daily", "Adverse events per day", WidgetType.Timeseries, MeasureOp.Count) with { Interval = TimeInterval.Day, TtlClass = TtlClass.Realtime },
        Widget("ae-weekly-serious", "Serious events per week", WidgetType.Timeseries, MeasureOp.Count) with { Interval = TimeInterval.Week, Filters = Filter("serious", "true") },
        Widget("ae-monthly-max-duration", "Longest event per month", WidgetType.Timeseries, MeasureOp.Max, "duration_days") with { Interval = TimeInterval.Month },
        Widget("ae-monthly-avg-dose", "Average dose per month", WidgetType.Timeseries, MeasureOp.Avg, "dose_mg") with { Interval = TimeInterval.Month },
        Widget("ae-top-subjects", "Subjects with most events", WidgetType.Table, MeasureOp.Count) with { Dimension = "subject_id", Limit = 10 },
        Widget("ae-top-severe-terms", "Most frequent severe terms", WidgetType.Table, MeasureOp.Count) with { Dimension = "term", Limit = 10, Filters = Filter("severity", "SEVERE") },
        new WidgetDefinition
        {
            WidgetId = "vs-min-sysbp", Title = "Lowest systolic blood pressure", Type = WidgetType.Metric, Dataset = DemoDataGenerator.VitalSigns,
            Measure = new WidgetMeasure { Op = MeasureOp.Min, Column = "value" }, TimeColumn = "measured_at", Filters = Filter("test", "SYSBP"), Tags = ["vitals"],
        },
        new WidgetDefinition
        {
            WidgetId = "dm-by-arm", Title = "Subjects by arm", Type = WidgetType.Breakdown, Dataset = DemoDataGenerator.Demographics,
            Measure = new WidgetMeasure { Op = MeasureOp.Count }, Dimension = "arm", TtlClass = TtlClass.Daily, Tags = ["demographics"],
        },
        new WidgetDefinition
        {
            WidgetId = "ae-daily-by-site", Title = "Events per day (pipeline)", Type = WidgetType.Timeseries, Dataset = DemoDataGenerator.AdverseEventsDaily,
            Layer = DatasetLayer.Transformed, Measure = new WidgetMeasure { Op = MeasureOp.Sum, Column = "events" }, TimeColumn = "event_date",
            Interval = TimeInterval.Week, Tags = ["safety", "pipeline"],
        },
    ];

    private static WidgetDefinition Widget(string id, string title, WidgetType type, MeasureOp op, string? column = null) => new()
    {
        WidgetId = id,
        Title = title,
        Type = type,
        Dataset = DemoDataGenerator.AdverseEvents,
        Measure = new WidgetMeasure { Op = op, Column = column },
        TimeColumn = "event_date",
        Tags = ["safety"],
    };

    private static Dictionary<string, IReadOnlyList<string>> Filter(string column, string value) => new() { [column] = [value] };
}
