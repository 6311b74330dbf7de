using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Query;

/// <summary>Configuration section <c>WidgetPlatform:Gateway:VersionRefresh</c>: the gateway's own look at what is current.</summary>
public sealed class VersionRefreshOptions
{
    public const string Section = "WidgetPlatform:Gateway:VersionRefresh";

    /// <summary>
    /// How often every known study's versions are read from the manifest mirror: the longest a replica can stay on an old
    /// version when a CacheInvalidated message is lost or late (G1).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often widget definitions are read again from disk, so that a file edited by hand is picked up too.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CatalogInterval { get; set; } = TimeSpan.FromSeconds(30);
}
