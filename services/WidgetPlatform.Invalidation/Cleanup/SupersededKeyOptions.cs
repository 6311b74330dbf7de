using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Invalidation.Cleanup;

/// <summary>Configuration section <c>WidgetPlatform:Invalidation:SupersededKeys</c>: the background removal of superseded entries.</summary>
public sealed class SupersededKeyOptions
{
    public const string Section = "WidgetPlatform:Invalidation:SupersededKeys";

    /// <summary>How often a run walks on through every widget's index, when no invalidation asks for one sooner.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Index members examined per run at most: bounds the work one run puts on Redis.</summary>
    [Range(1, 1_000_000)]
    public int KeysPerRun { get; set; } = 500;

    /// <summary>Members asked for per SSCAN step (a hint to Redis, as SSCAN's COUNT is).</summary>
    [Range(1, 100_000)]
    public int KeysPerStep { get; set; } = 100;
}
