using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Query.Tracking;

/// <summary>Configuration section <c>WidgetPlatform:ActiveTracking</c>: what the gateway records for the warmer.</summary>
public sealed class ActiveTrackingOptions
{
    public const string Section = "WidgetPlatform:ActiveTracking";

    /// <summary>How many combinations per study the warmer keeps warm: the most recently requested ones.</summary>
    [Range(0, 1_000_000)]
    public int MaxPerStudy { get; set; } = 1_000;

    /// <summary>New combinations a study may collect between two flushes; more are dropped until the next flush (memory stays bounded).</summary>
    [Range(1, 1_000_000)]
    public int MaxPendingPerStudy { get; set; } = 2_000;

    /// <summary>How often the combinations requested since the last flush are written to Redis, off the request path.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A study nobody asked about for this long has no active combinations any more.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}
