namespace WidgetPlatform.Data.Compute;

/// <summary>How a row's date chooses its slot in the aggregation.</summary>
internal enum SlotMode
{
    /// <summary>Metric, breakdown and table: slot 0 is [from, to] (or everything), slot 1 the previous period.</summary>
    Period,

    /// <summary>Timeseries: the slot is the day number of the bucket's first day.</summary>
    Bucket,

    /// <summary>Daily partials: the slot is the row's day number, <see cref="ScanPlan.NoDay"/> for a null date.</summary>
    Day,
}
