using WidgetPlatform.Caching.Statistics.Traffic;
using WidgetPlatform.Query.Alerts;
using WidgetPlatform.Query.Statistics;

namespace WidgetPlatform.UnitTests.Query.Alerts;

public sealed class AlertRulesTests
{
    private static readonly AlertOptions Options = new() { MinimumRequests = 10 };
    private static readonly RedisFigures HealthyRedis = new(true, 100, 10_000, 100_000, 0);

    [Fact]
    public void NothingFiresOnAHealthyFleet() =>
        Assert.Empty(AlertRules.Firing(Inputs(Window(hits: 95, misses: 5)), Options));

    [Fact]
    public void TheHitRateFiresBelowItsThresholdOnceThereAreEnoughRequests()
    {
        Assert.Equal([AlertRules.HitRate], Names(Inputs(Window(hits: 8, misses: 2))));
        Assert.Empty(Names(Inputs(Window(hits: 1, misses: 8))));
    }

    [Fact]
    public void TheErrorRateCountsErrorsAmongEveryAttempt() =>
        Assert.Equal([AlertRules.ErrorRate], Names(Inputs(Window(hits: 98, misses: 0, errors: 2))));

    [Fact]
    public void TheLatencyAlertJudgesTheWindowsP95()
    {
        var slow = Window(hits: 20, misses: 0, latencyMs: 800);

        var alert = Assert.Single(AlertRules.Firing(Inputs(slow), Options));

        Assert.Equal(AlertRules.P95Latency, alert.Name);
        Assert.InRange(alert.Value, 800, 1200);
        Assert.Equal(500, alert.Threshold);
    }

    [Fact]
    public void RedisMemoryFiresPastItsShareAndNeverWithoutALimit()
    {
        Assert.Equal([AlertRules.RedisMemory], Names(Inputs(Window(hits: 20, misses: 0), redis: HealthyRedis with { UsedMemoryBytes = 90_000 })));
        Assert.Empty(Names(Inputs(Window(hits: 20, misses: 0), redis: HealthyRedis with { UsedMemoryBytes = 90_000, MaxMemoryBytes = 0 })));
    }

    [Fact]
    public void EvictionsLockFailuresWarmerLagAndErrorQueuesFireAboveTheirThresholds()
    {
        var inputs = new AlertInputs(Window(hits: 20, misses: 0, lockFailures: 1), HealthyRedis, EvictionsInWindow: 3, WarmerLag: TimeSpan.FromMinutes(3), ErrorQueueMessages: 2);

        Assert.Equal([AlertRules.Evictions, AlertRules.LockFailures, AlertRules.WarmerLag, AlertRules.ErrorQueue], Names(inputs));
        Assert.Empty(AlertRules.Firing(inputs, new AlertOptions { EvictionsAbove = 3, LockFailuresAbove = 1, WarmerLagAbove = TimeSpan.FromMinutes(5), ErrorQueueMessagesAbove = 2 }));
    }

    [Fact]
    public void AnUnavailableRedisFiresItsOwnAlertAndABrokerThatCannotBeAskedNone()
    {
        var inputs = new AlertInputs(TrafficCounts.Empty, RedisFigures.Unavailable, 0, TimeSpan.Zero, ErrorQueueMessages: null);

        Assert.Equal([AlertRules.RedisUnavailable], Names(inputs));
    }

    private static IReadOnlyList<string> Names(AlertInputs inputs) => [.. AlertRules.Firing(inputs, Options).Select(alert => alert.Name)];

    private static AlertInputs Inputs(TrafficCounts window, RedisFigures? redis = null) =>
        new(window, redis ?? HealthyRedis, 0, TimeSpan.Zero, 0);

    private static TrafficCounts Window(long hits, long misses, long errors = 0, long lockFailures = 0, double latencyMs = 1)
    {
        var fields = new Dictionary<string, long>
        {
            [TrafficFields.Hit] = hits,
            [TrafficFields.Miss] = misses,
            [TrafficFields.Errors] = errors,
            [TrafficFields.LockFailures] = lockFailures,
        };
        var histogram = new WidgetPlatform.Caching.Statistics.LatencyHistogram();
        for (var answer = 0; answer < hits + misses; answer++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(latencyMs));
        }

        TrafficFields.AddLatency(fields, histogram.Snapshot());
        return new TrafficCounts(fields);
    }
}
