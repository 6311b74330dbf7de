using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// Configuration section <c>WidgetPlatform:Alerts</c>: when each alert fires (docs/cache.md, "Alerts"). Read at every
/// evaluation, so a changed appsettings.json or configuration provider takes effect at the next one, without a restart.
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "WidgetPlatform:Alerts";

    /// <summary>How often the conditions are evaluated: an alert fires or clears within one period of its condition.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The span of recent traffic the rates, latency, lock failures and evictions are taken over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Answers the window needs before hit rate, latency and error rate are judged: a handful of requests proves nothing.</summary>
    [Range(1, int.MaxValue)]
    public int MinimumRequests { get; set; } = 20;

    /// <summary>Fires when the fleet's hit rate (hits and stale answers over all) is below this.</summary>
    [Range(0.0, 1.0)]
    public double HitRateBelow { get; set; } = 0.9;

    /// <summary>Fires when the 95th percentile of answer times is above this many milliseconds.</summary>
    [Range(0.0, double.MaxValue)]
    public double P95LatencyAboveMs { get; set; } = 500;

    /// <summary>Fires when server errors are more than this share of requests.</summary>
    [Range(0.0, 1.0)]
    public double ErrorRateAbove { get; set; } = 0.01;

    /// <summary>Fires when Redis uses more than this share of its <c>maxmemory</c> (never, when Redis has no limit).</summary>
    [Range(0.0, 1.0)]
    public double RedisMemoryShareAbove { get; set; } = 0.8;

    /// <summary>Fires when Redis evicted more keys than this in the window.</summary>
    [Range(0, long.MaxValue)]
    public long EvictionsAbove { get; set; }

    /// <summary>Fires when more stampede-lock waits than this gave up or timed out in the window.</summary>
    [Range(0, long.MaxValue)]
    public long LockFailuresAbove { get; set; }

    /// <summary>Fires when a study's invalidation has waited longer than this for the warmer's run after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WarmerLagAbove { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Fires when the services' error queues hold more messages than this together.</summary>
    [Range(0, long.MaxValue)]
    public long ErrorQueueMessagesAbove { get; set; }
}
