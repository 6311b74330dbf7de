namespace WidgetPlatform.Data.Compute;

public sealed record WidgetComputeOptions
{
    /// <summary>Row groups are read by this many threads at most.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Answer widgets with a time column (except distinct) from daily partials built by one scan per version, widget shape and filters.</summary>
    public bool UseDailyPartials { get; init; }

    /// <summary>Daily partials kept in memory; the cache is emptied when it would grow past this.</summary>
    public int MaxCachedPartials { get; init; } = 256;
}
