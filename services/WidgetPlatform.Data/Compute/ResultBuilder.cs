using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>Turns merged accumulators (slots per <see cref="SlotMode.Period"/> or <see cref="SlotMode.Bucket"/>) into docs/design.md §4 results.</summary>
internal static class ResultBuilder
{
    public static WidgetResult Build(WidgetDefinition definition, WidgetQuery query, bool integerMeasure, ScanResult scan)
    {
        var op = definition.Measure.Op;
        return definition.Type switch
        {
            WidgetType.Metric => Metric(definition, query, op, integerMeasure, scan),
            WidgetType.Breakdown => Breakdown(op, integerMeasure, scan),
            WidgetType.Table => new TableResult(SortedBuckets(op, integerMeasure, scan).Take(definition.Limit ?? int.MaxValue).ToArray()),
            WidgetType.Timeseries => Timeseries(definition.Interval ?? TimeInterval.Day, query, op, integerMeasure, scan),
            _ => throw new ArgumentOutOfRangeException(nameof(definition), definition.Type, "unknown widget type"),
        };
    }

    private static MetricResult Metric(WidgetDefinition definition, WidgetQuery query, MeasureOp op, bool integerMeasure, ScanResult scan)
    {
        var value = MergeSlot(scan, 0).Value(op, integerMeasure);
        if (!ScanPlan.ComparesPreviousPeriod(definition, query))
        {
            return new MetricResult(value, AggregateValue.Null, AggregateValue.Null, null);
        }

        var previous = MergeSlot(scan, 1).Value(op, integerMeasure);
        var change = AggregateValue.Subtract(value, previous);
        double? percent = change.HasValue && previous.ToDouble() != 0
            ? Math.Round(change.ToDouble() / previous.ToDouble() * 100, 2, MidpointRounding.AwayFromZero)
            : null;
        return new MetricResult(value, previous, change, percent);
    }

    private static BreakdownResult Breakdown(MeasureOp op, bool integerMeasure, ScanResult scan)
    {
        var total = scan.Slots.TryGetValue(0, out var slot) && slot.Total is { } tracked ? tracked : MergeSlot(scan, 0);
        return new BreakdownResult(SortedBuckets(op, integerMeasure, scan), total.Value(op, integerMeasure));
    }

    private static ResultBucket[] SortedBuckets(MeasureOp op, bool integerMeasure, ScanResult scan)
    {
        if (!scan.Slots.TryGetValue(0, out var slot))
        {
            return [];
        }

        var buckets = slot.Groups.Select(group => new ResultBucket(group.Key.Value, group.Value.Value(op, integerMeasure))).ToArray();
        Array.Sort(buckets, BucketOrder.Instance);
        return buckets;
    }

    private static TimeseriesResult Timeseries(TimeInterval interval, WidgetQuery query, MeasureOp op, bool integerMeasure, ScanResult scan)
    {
        if (scan.Slots.Count == 0 && (query.From is null || query.To is null))
        {
            return new TimeseriesResult(interval, []);
        }

        var first = query.From is { } from ? TimeBuckets.Start(interval, from.DayNumber) : scan.Slots.Keys.Min();
        var last = query.To is { } to ? TimeBuckets.Start(interval, to.DayNumber) : scan.Slots.Keys.Max();
        var emptyValue = op is MeasureOp.Count or MeasureOp.Sum ? new Accumulator().Value(op, integerMeasure) : AggregateValue.Null;
        var points = new List<TimeseriesPoint>();
        for (var bucket = first; bucket <= last; bucket = TimeBuckets.Next(interval, bucket))
        {
            var value = scan.Slots.ContainsKey(bucket) ? MergeSlot(scan, bucket).Value(op, integerMeasure) : emptyValue;
            points.Add(new TimeseriesPoint(DateOnly.FromDayNumber(bucket), value));
        }

        return new TimeseriesResult(interval, points);
    }

    private static Accumulator MergeSlot(ScanResult scan, int slot)
    {
        var merged = new Accumulator();
        if (scan.Slots.TryGetValue(slot, out var groups))
        {
            if (groups.Total is { } total)
            {
                return total;
            }

            foreach (var accumulator in groups.Groups.Values)
            {
                merged.Merge(accumulator);
            }
        }

        return merged;
    }
}
