namespace WidgetPlatform.Invalidation.Cleanup;

/// <summary>Configuration section <c>WidgetPlatform:Invalidation:SupersededKeys</c>: the background removal of superseded entries.</summary>
public sealed class SupersededKeyOptions
{
    public const string Section = "WidgetPlatform:Invalidation:SupersededKeys";

    /// <summary>How often a run walks on through every widget's index, when no invalidation asks for one sooner.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Index members examined per run at most: bounds the work one run puts on Redis.</summary>
    public int KeysPerRun { get; set; } = 500;

    /// <summary>Members asked for per SSCAN step (a hint to Redis, as SSCAN's COUNT is).</summary>
    public int KeysPerStep { get; set; } = 100;
}
