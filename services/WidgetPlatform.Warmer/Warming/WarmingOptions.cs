using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>Configuration section <c>WidgetPlatform:Warming</c> (its queues: <c>WidgetPlatform:Warming:Queues</c>).</summary>
public sealed class WarmingOptions
{
    public const string Section = "WidgetPlatform:Warming";

    /// <summary>How many of a study's most recently requested combinations are kept warm.</summary>
    [Range(0, 1_000_000)]
    public int MaxActiveCombinations { get; set; } = 1_000;

    /// <summary>How often every study's priority widgets are warmed, even when nobody asks.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PriorityInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often active entries close to expiry are refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan HotRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often stampede locks no live computation holds are removed (by the configured cache lock timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
