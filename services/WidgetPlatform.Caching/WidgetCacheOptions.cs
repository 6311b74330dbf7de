using System.ComponentModel.DataAnnotations;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching;

/// <summary>
/// Configuration section <c>WidgetPlatform:Cache</c>: every timing and threshold of the cache path, validated at start-up.
/// The TTLs, refresh-ahead ratio and lock timeout are docs/design.md §5's; the rest were measured on the platform's own benchmarks.
/// </summary>
public sealed class WidgetCacheOptions : IValidatableObject
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
    [Range(0.05, 1.0)]
    public double RefreshAheadRatio { get; set; } = 0.8;

    /// <summary>A process starts at most one refresh-ahead of a key within this period, however many stale hits it serves.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RefreshRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Entries whose body is larger are served but not stored.</summary>
    [Range(1, int.MaxValue)]
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Entries whose body is at least this long are stored in Redis compressed (Brotli, quality 1) when that saves a tenth
    /// or more; 0 stores every entry as it is sent. Memory holds them uncompressed.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int CompressEntriesFromBytes { get; set; } = 1024;

    /// <summary>
    /// How long daily partials stay in Redis for the other replicas. They belong to one dataset version, so a superseded
    /// version's simply expire.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SharedPartialsTtl { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Daily partials larger than this are kept in their process only (a widget with a very wide dimension, say).</summary>
    [Range(0, int.MaxValue)]
    public int MaxSharedPartialsBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long a computation may hold the stampede lock; waiters never wait longer than this (G4).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long past <see cref="LockTimeout"/> a waiter keeps polling: a dead holder's lock expires at the timeout and one
    /// waiter takes it over, and the others need one more poll to see that.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan LockGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A waiter's first look for the holder's entry; each later look waits twice as long, up to <see cref="LockLongestPoll"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan LockFirstPoll { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The longest a waiter sleeps between two looks: bounds how late it sees the holder's entry.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan LockLongestPoll { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Bytes the in-process layer may hold; 0 turns it off.</summary>
    [Range(0, long.MaxValue)]
    public long MemoryCacheBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A Redis command slower than this counts as a failure for the circuit breaker (G6).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the cache is bypassed once the breaker opens, before Redis is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The breaker opens when at least this share of the Redis calls in <see cref="CircuitSamplingDuration"/> failed…</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many calls were made in it, so one failure on a quiet replica does not open it.</summary>
    [Range(2, int.MaxValue)]
    public int CircuitMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which the breaker counts failures.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(2);

    public int Ttl(TtlClass ttlClass) => TtlSeconds.TryGetValue(ttlClass, out var seconds) ? seconds : TtlSeconds[TtlClass.Medium];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LockLongestPoll < LockFirstPoll)
        {
            yield return new ValidationResult("LockLongestPoll must not be shorter than LockFirstPoll.", [nameof(LockLongestPoll)]);
        }

        if (!TtlSeconds.ContainsKey(TtlClass.Medium))
        {
            yield return new ValidationResult("TtlSeconds needs the Medium class: it is the TTL of a class not listed.", [nameof(TtlSeconds)]);
        }

        foreach (var (ttlClass, seconds) in TtlSeconds.Where(pair => pair.Value <= 0))
        {
            yield return new ValidationResult($"TtlSeconds:{ttlClass} must be positive, not {seconds}.", [nameof(TtlSeconds)]);
        }
    }
}
