using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>Configuration section <c>WidgetPlatform:Statistics</c>: how each process's counters reach the fleet figures.</summary>
public sealed class CacheStatisticsOptions
{
    public const string Section = "WidgetPlatform:Statistics";

    /// <summary>
    /// False: the process counts no answers at all (fleet counters, per-widget traffic, hits per entry, the answer meters),
    /// and the statistics miss its traffic. For measuring what counting costs (the benchmark's statistics_overhead).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a process writes its counters to Redis: the fleet figures are at most this old.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A process that has not published for this long is gone (or stuck): its figures no longer count.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Staleness { get; set; } = TimeSpan.FromSeconds(15);
}
