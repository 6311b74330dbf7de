using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching;

/// <summary>Configuration section <c>WidgetPlatform:Cache</c>; every default is DESIGN §5's.</summary>
public sealed class WidgetCacheOptions
{
    public const string Section = "WidgetPlatform:Cache";

    /// <summary>Seconds an entry lives, per TTL class.</summary>
    public Dictionary<TtlClass, int> TtlSeconds { get; init; } = new()
    {
        [TtlClass.Realtime] = 60,
        [TtlClass.Short] = 300,
        [TtlClass.Medium] = 900,
        [TtlClass.Long] = 3600,
        [TtlClass.Daily] = 86400,
    };

    /// <summary>Past this fraction of its TTL, a hit triggers one background recomputation (G5).</summary>
    public double RefreshAheadRatio { get; set; } = 0.8;

    /// <summary>Entries whose body is larger are served but not stored.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a computation may hold the stampede lock; waiters never wait longer than this (G4).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes the in-process layer may hold; 0 turns it off.</summary>
    public long MemoryCacheBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A Redis command slower than this counts as a failure for the circuit breaker (G6).</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the cache is bypassed once the breaker opens, before Redis is tried again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    public int Ttl(TtlClass ttlClass) => TtlSeconds.TryGetValue(ttlClass, out var seconds) ? seconds : TtlSeconds[TtlClass.Medium];
}
