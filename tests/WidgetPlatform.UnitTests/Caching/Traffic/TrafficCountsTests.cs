using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.UnitTests.Caching.Traffic;

public sealed class TrafficCountsTests
{
    [Fact]
    public void AWidgetsCountsAreWhatItWasAnswered()
    {
        var traffic = new WidgetTraffic();
        Record(traffic, "w", CacheResult.Hit, TimeSpan.FromMilliseconds(1));
        Record(traffic, "w", CacheResult.Hit, TimeSpan.FromMilliseconds(1));
        Record(traffic, "w", CacheResult.Miss, TimeSpan.FromMilliseconds(40));
        Record(traffic, "other", CacheResult.Bypass, TimeSpan.FromMilliseconds(5));

        var counts = traffic.Snapshot()["S"]["w"];

        Assert.Equal(3, counts.Requests);
        Assert.Equal(2, counts[TrafficFields.Hit]);
        Assert.Equal(1, counts[TrafficFields.Miss]);
        Assert.Equal(2.0 / 3, counts.HitRate!.Value, precision: 6);
        Assert.Equal(3, counts.Latency.Count);
        Assert.InRange(counts.Latency.PercentileMs(0.99)!.Value, 40, 60);
        Assert.Equal(1, traffic.Snapshot()["S"]["other"][TrafficFields.Bypass]);
    }

    [Fact]
    public void WhatWasCountedSinceAnEarlierSnapshotIsOnlyWhatGrew()
    {
        var traffic = new WidgetTraffic();
        Record(traffic, "w", CacheResult.Hit, TimeSpan.FromMilliseconds(1));
        var earlier = traffic.Snapshot()["S"]["w"];
        Record(traffic, "w", CacheResult.Miss, TimeSpan.FromMilliseconds(1));

        var grown = traffic.Snapshot()["S"]["w"].Since(earlier);

        Assert.Equal(1, grown[TrafficFields.Miss]);
        Assert.False(grown.Fields.ContainsKey(TrafficFields.Hit));
        Assert.Equal(1, grown.Latency.Count);
    }

    [Fact]
    public void BucketsSumFieldByField()
    {
        var first = new TrafficCounts(new Dictionary<string, long> { [TrafficFields.Hit] = 9, [TrafficFields.Errors] = 1 });
        var second = new TrafficCounts(new Dictionary<string, long> { [TrafficFields.Hit] = 9, [TrafficFields.Miss] = 2 });

        var sum = TrafficCounts.Sum([first, second]);

        Assert.Equal(20, sum.Requests);
        Assert.Equal(0.9, sum.HitRate!.Value, precision: 6);
        Assert.Equal(1.0 / 21, sum.ErrorRate!.Value, precision: 6);
    }

    [Fact]
    public void TheFleetCountsCarryWhatOnlyTheFleetCounts()
    {
        var counters = new CacheCounters();
        counters.RecordAnswer(new WidgetPlatform.Caching.Keys.WidgetCacheKey("S", "w", "v1", "h"), CacheResult.Stale, TimeSpan.FromMilliseconds(2));
        counters.RecordError();
        counters.RecordLockFailure();

        var fleet = counters.Snapshot().Traffic();

        Assert.Equal(1, fleet[TrafficFields.Stale]);
        Assert.Equal(1, fleet[TrafficFields.Errors]);
        Assert.Equal(1, fleet[TrafficFields.LockFailures]);
        Assert.Equal(1.0, fleet.HitRate);
    }

    private static void Record(WidgetTraffic traffic, string widgetId, CacheResult result, TimeSpan elapsed) =>
        traffic.Record("S", widgetId, result, LatencyHistogram.BucketOf(elapsed), elapsed);

    [Fact]
    public void OnlyTheLatencyBucketFieldsAreBuckets()
    {
        Assert.Equal(7, TrafficFields.LatencyBucketOf(TrafficFields.LatencyBucket(7)));
        Assert.Equal(-1, TrafficFields.LatencyBucketOf(TrafficFields.LatencySum));
        Assert.Equal(-1, TrafficFields.LatencyBucketOf("lat:999"));
        Assert.Equal(-1, TrafficFields.LatencyBucketOf(TrafficFields.Hit));
    }
}
