namespace WidgetPlatform.Warmer.Warming;

/// <summary>Configuration section <c>WidgetPlatform:Warming</c>.</summary>
public sealed class WarmingOptions
{
    public const string Section = "WidgetPlatform:Warming";

    /// <summary>Computations running at once for one warm (DESIGN §7: 4).</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>How many of a study's most recently requested combinations are kept warm.</summary>
    public int MaxActiveCombinations { get; set; } = 1_000;

    /// <summary>How often every study's priority widgets are warmed, even when nobody asks.</summary>
    public TimeSpan PriorityInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often active entries close to expiry are refreshed.</summary>
    public TimeSpan HotRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often stale locks and index members of vanished entries are removed.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
