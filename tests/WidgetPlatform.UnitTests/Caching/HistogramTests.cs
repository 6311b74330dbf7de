using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class HistogramTests
{
    [Fact]
    public void PercentilesAreUpperBucketBoundsWithinHalfOverTheTrueValue()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 100; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        var snapshot = histogram.Snapshot();

        Assert.Equal(100, snapshot.Count);
        Assert.Equal(50.5, snapshot.AverageMs!.Value, precision: 1);
        Assert.InRange(snapshot.PercentileMs(0.95)!.Value, 95, 95 * 1.5);
        Assert.InRange(snapshot.PercentileMs(0.5)!.Value, 50, 50 * 1.5);
    }

    [Fact]
    public void SnapshotsFromSeveralProcessesAddUp()
    {
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        for (var index = 0; index < 90; index++)
        {
            fast.Record(TimeSpan.FromMilliseconds(1));
        }

        for (var index = 0; index < 10; index++)
        {
            slow.Record(TimeSpan.FromMilliseconds(800));
        }

        var fleet = fast.Snapshot().Add(slow.Snapshot());

        Assert.Equal(100, fleet.Count);
        Assert.InRange(fleet.PercentileMs(0.5)!.Value, 1, 1.5);
        Assert.InRange(fleet.PercentileMs(0.95)!.Value, 800, 1200);
        Assert.Null(HistogramSnapshot.Empty.PercentileMs(0.95));
    }
}
