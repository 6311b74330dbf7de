namespace WidgetPlatform.Query.Tracking;

/// <summary>Configuration section <c>WidgetPlatform:ActiveTracking</c>.</summary>
public sealed class ActiveTrackingOptions
{
    public const string Section = "WidgetPlatform:ActiveTracking";

    /// <summary>How many combinations per study the warmer keeps warm: the most recently requested ones.</summary>
    public int MaxPerStudy { get; set; } = 1_000;

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A study nobody asked about for this long has no active combinations any more.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}
