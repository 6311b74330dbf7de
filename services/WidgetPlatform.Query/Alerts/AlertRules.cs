using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.Query.Alerts;

/// <summary>The alerts (docs/cache.md, "Alerts"): each a condition over <see cref="AlertInputs"/> and its threshold.</summary>
public static class AlertRules
{
    public const string HitRate = "hit-rate";
    public const string P95Latency = "p95-latency";
    public const string ErrorRate = "error-rate";
    public const string RedisUnavailable = "redis-unavailable";
    public const string RedisMemory = "redis-memory";
    public const string Evictions = "evictions";
    public const string LockFailures = "lock-failures";
    public const string WarmerLag = "warmer-lag";
    public const string ErrorQueue = "error-queue";

    public static readonly IReadOnlyList<string> All = [HitRate, P95Latency, ErrorRate, RedisUnavailable, RedisMemory, Evictions, LockFailures, WarmerLag, ErrorQueue];

    /// <summary>The conditions that hold: name, message, value, threshold.</summary>
    public static IEnumerable<(string Name, string Message, double Value, double Threshold)> Firing(AlertInputs inputs, AlertOptions options)
    {
        var window = inputs.Window;
        var span = $"over the last {options.Window.TotalSeconds:0} s";
        var enoughRequests = window.Requests >= options.MinimumRequests;
        if (enoughRequests && window.HitRate is { } hitRate && hitRate < options.HitRateBelow)
        {
            yield return (HitRate, $"Hit rate {hitRate:P1} {span} is below {options.HitRateBelow:P0}.", hitRate, options.HitRateBelow);
        }

        if (enoughRequests && window.Latency.PercentileMs(0.95) is { } p95 && p95 > options.P95LatencyAboveMs)
        {
            yield return (P95Latency, $"p95 answer time {p95:0.#} ms {span} is above {options.P95LatencyAboveMs:0} ms.", p95, options.P95LatencyAboveMs);
        }

        if (enoughRequests && window.ErrorRate is { } errorRate && errorRate > options.ErrorRateAbove)
        {
            yield return (ErrorRate, $"{errorRate:P1} of requests {span} ended in a server error (alert above {options.ErrorRateAbove:P1}).", errorRate, options.ErrorRateAbove);
        }

        if (!inputs.Redis.Available)
        {
            yield return (RedisUnavailable, "Redis is unavailable: answers bypass the cache.", 1, 0);
        }

        if (inputs.Redis.MemoryUsage is { } share && share > options.RedisMemoryShareAbove)
        {
            yield return (RedisMemory, $"Redis uses {share:P0} of its memory limit (alert above {options.RedisMemoryShareAbove:P0}).", share, options.RedisMemoryShareAbove);
        }

        if (inputs.EvictionsInWindow > options.EvictionsAbove)
        {
            yield return (Evictions, $"Redis evicted {inputs.EvictionsInWindow} keys {span} for lack of memory.", inputs.EvictionsInWindow, options.EvictionsAbove);
        }

        if (window[TrafficFields.LockFailures] is var lockFailures && lockFailures > options.LockFailuresAbove)
        {
            yield return (LockFailures, $"{lockFailures} stampede lock waits {span} gave up or timed out.", lockFailures, options.LockFailuresAbove);
        }

        if (inputs.WarmerLag > options.WarmerLagAbove)
        {
            yield return (WarmerLag, $"An invalidation has waited {inputs.WarmerLag.TotalSeconds:0} s for the warmer (alert above {options.WarmerLagAbove.TotalSeconds:0} s).",
                inputs.WarmerLag.TotalSeconds, options.WarmerLagAbove.TotalSeconds);
        }

        if (inputs.ErrorQueueMessages is { } errorMessages && errorMessages > options.ErrorQueueMessagesAbove)
        {
            yield return (ErrorQueue, $"{errorMessages} messages wait in the services' error queues.", errorMessages, options.ErrorQueueMessagesAbove);
        }
    }
}
