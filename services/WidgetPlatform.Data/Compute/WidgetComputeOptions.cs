namespace WidgetPlatform.Data.Compute;

/// <summary>Configuration section <c>WidgetPlatform:Compute</c>: how the engine scans Parquet files.</summary>
public sealed record WidgetComputeOptions
{
    public const string Section = "WidgetPlatform:Compute";

    /// <summary>Row groups are read by this many threads at most.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Answer widgets with a time column (except distinct) from daily partials built by one scan per version, widget shape and
    /// filters: a second date range of the same widget then costs no scan. Off, every query scans the files.
    /// </summary>
    public bool UseDailyPartials { get; init; } = true;

    /// <summary>
    /// Daily partials pay when each day-and-group cell sums many rows. A widget shape whose partials came out with fewer rows
    /// per cell than this (a dimension of subjects, say: nearly a cell per row) is scanned directly from then on, in this
    /// process: regrouping such partials per date range costs more than reading the range's rows.
    /// </summary>
    public int MinRowsPerPartialsCell { get; init; } = 8;

    /// <summary>Daily partials kept in memory; the cache is emptied when it would grow past this.</summary>
    public int MaxCachedPartials { get; init; } = 256;
}
