using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Invalidation;

/// <summary>Configuration section <c>WidgetPlatform:Invalidation</c>: the timings of the manifest's single writer.</summary>
public sealed class InvalidationOptions
{
    public const string Section = "WidgetPlatform:Invalidation";

    /// <summary>
    /// How long a manifest write waits for the study's file lock, held by another replica, before the message is retried:
    /// a write takes milliseconds, so only a hung holder (or a hung file system) makes anyone wait this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ManifestLockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a manifest write looks again at a file lock another replica holds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan ManifestLockPoll { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How long a new dataset version's pass stays pending for the warmer to claim (docs/cache.md, "One pass per upload"):
    /// meanwhile a gateway's miss on that version waits for the warmer's one scan rather than starting its own. The warmer
    /// claims within milliseconds; this bounds the wait when no warmer runs. Zero turns passes off (every miss scans).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PassClaimWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Index members a widget invalidation removes per script call: bounds how long one call holds Redis.</summary>
    [Range(1, 100_000)]
    public int DrainBatch { get; set; } = 1_000;

    /// <summary>The first wait before seeding the manifest mirror again when Redis did not answer at start-up; it doubles…</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SeedRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>…up to this, and the service waits for Redis for as long as it takes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SeedRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often Redis's <c>run_id</c> is read: a restarted Redis is recovered within this (docs/cache.md, "When Redis restarts").</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RedisRestartCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Widget invalidations done again after Redis restarted: those of this window. It must exceed the age of the snapshot
    /// Redis may restart from: the AppHost's <c>rdb</c> snapshots a minute after a change, <c>aof</c> every second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RedisRestartReplayWindow { get; set; } = TimeSpan.FromMinutes(10);
}
