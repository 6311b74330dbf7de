using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// A widget's measure per day and group over a whole dataset version (seed design "partial aggregations").
/// Any range of the same widget and filters is answered by merging days, which is exact because every
/// accumulator merges exactly; distinct is never served from partials (its sets would be the rows again).
/// </summary>
internal sealed class DailyPartials(ScanResult days, bool integerMeasure)
{
    public bool IntegerMeasure { get; } = integerMeasure;

    /// <summary>Day number (or <see cref="ScanPlan.NoDay"/>) → group → accumulator, as the scan produced them.</summary>
    public ScanResult Days { get; } = days;

    public long RowsProcessed => Days.RowsProcessed;

    /// <summary>Accumulators held: one per day and group.</summary>
    public long Cells => Days.Slots.Values.Sum(groups => (long)groups.Groups.Count);

    /// <summary>Rows the cells sum (those that passed the filters, with a value for a measure over a column): what they save reading.</summary>
    public long RowsAggregated => Days.Slots.Values.Sum(groups => groups.Groups.Values.Sum(accumulator => accumulator.Count));

    public static bool Supports(WidgetDefinition definition) =>
        definition.Measure.Op != MeasureOp.Distinct && definition.TimeColumn is not null;

    /// <summary>The daily cells regrouped into the slots a scan for <paramref name="query"/> would have produced.</summary>
    public ScanResult Regroup(WidgetDefinition definition, WidgetQuery query)
    {
        var timeseries = definition.Type == WidgetType.Timeseries;
        var interval = definition.Interval ?? TimeInterval.Day;
        var hasRange = query.From is not null || query.To is not null;
        var low = query.From?.DayNumber ?? int.MinValue + 1;
        var high = query.To?.DayNumber ?? int.MaxValue;
        var currentFrom = low;
        if (ScanPlan.ComparesPreviousPeriod(definition, query))
        {
            low -= high - low + 1;
        }

        var result = new ScanResult();
        foreach (var (day, groups) in Days.Slots)
        {
            if (day == ScanPlan.NoDay ? hasRange || timeseries : day < low || day > high)
            {
                continue;
            }

            var slot = timeseries ? TimeBuckets.Start(interval, day) : day == ScanPlan.NoDay || day >= currentFrom ? 0 : 1;
            var target = result.Slot(slot);
            foreach (var (key, accumulator) in groups.Groups)
            {
                target.Group(key).Merge(accumulator);
            }
        }

        return result;
    }
}
