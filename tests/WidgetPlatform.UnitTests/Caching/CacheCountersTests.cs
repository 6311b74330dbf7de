using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class CacheCountersTests
{
    [Fact]
    public void LookupsAreCountedPerLayerAndResultAndMeasuredWithBothTags()
    {
        using var measured = new MetricCollector<long>(PlatformTelemetry.Meter, "widgetplatform.cache.lookups");
        var counters = new CacheCounters();

        counters.RecordLookup(LookupLayer.Memory, hit: true);
        counters.RecordLookup(LookupLayer.Memory, hit: false);
        counters.RecordLookup(LookupLayer.Memory, hit: false);
        counters.RecordLookup(LookupLayer.Redis, hit: true);
        var snapshot = counters.Snapshot();

        Assert.Equal(new LayerLookups(1, 2), snapshot.MemoryLookups);
        Assert.Equal(new LayerLookups(1, 0), snapshot.RedisLookups);
        Assert.Equal(1.0 / 3, snapshot.MemoryLookups.HitRate!.Value, precision: 9);
        // Other tests of this process record on the same static meter: these four are among what it saw.
        var tags = measured.GetMeasurementSnapshot().Select(measurement => $"{measurement.Tags["layer"]}/{measurement.Tags["result"]}").ToList();
        Assert.Contains("memory/hit", tags);
        Assert.Contains("memory/miss", tags);
        Assert.Contains("redis/hit", tags);
    }

    [Fact]
    public void ComputationsAreMeasuredByWidgetType()
    {
        using var measured = new MetricCollector<double>(PlatformTelemetry.Meter, "widgetplatform.cache.computation.duration");
        var counters = new CacheCounters();

        counters.RecordComputation(TimeSpan.FromMilliseconds(40), WidgetType.Timeseries);

        Assert.Equal(1, counters.Snapshot().Computations);
        Assert.Contains(measured.GetMeasurementSnapshot(), measurement => (string?)measurement.Tags["widget.type"] == "timeseries" && measurement.Value == 0.04);
    }

    [Fact]
    public void WithAnswersNotCountedNoLookupIsCountedEither()
    {
        var counters = new CacheCounters(countAnswers: false);

        counters.RecordLookup(LookupLayer.Redis, hit: false);

        Assert.Equal(LayerLookups.None, counters.Snapshot().RedisLookups);
    }

    [Fact]
    public void FleetLookupsAreTheSumOfTheProcesses()
    {
        var one = new CounterSnapshot { MemoryLookups = new LayerLookups(5, 1), RedisLookups = new LayerLookups(1, 0) };
        var other = new CounterSnapshot { MemoryLookups = new LayerLookups(2, 2), RedisLookups = new LayerLookups(0, 2) };

        var fleet = one.Add(other);

        Assert.Equal(new LayerLookups(7, 3), fleet.MemoryLookups);
        Assert.Equal(new LayerLookups(1, 2), fleet.RedisLookups);
    }
}
