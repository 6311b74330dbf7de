using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.UnitTests.Caching.Traffic;

public sealed class TrafficWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 2, TimeSpan.Zero);

    [Fact]
    public void TheLastMinuteIsThirteenFiveSecondBucketsEndingWithTheCurrentOne()
    {
        var buckets = TrafficWindow.LastMinute.Buckets(Now).ToList();

        Assert.Equal(13, buckets.Count);
        Assert.Equal(TrafficWindow.BucketOf(Now, TrafficWindow.FineBucket), buckets[^1]);
        Assert.Equal(buckets[0] + 12, buckets[^1]);
    }

    [Fact]
    public void AnHourIsReadFromMinuteBuckets()
    {
        Assert.Equal(TrafficWindow.CoarseBucket, TrafficWindow.LastHour.Bucket);
        Assert.Equal(61, TrafficWindow.LastHour.Buckets(Now).Count());
        Assert.Equal(TrafficWindow.FineBucket, TrafficWindow.Last5Minutes.Bucket);
    }

    [Fact]
    public void SinceStartHasNoBuckets() => Assert.Empty(TrafficWindow.SinceStart.Buckets(Now));

    [Fact]
    public void ABucketIsKeptLongerThanTheLongestWindowThatReadsIt()
    {
        Assert.True(TrafficStore.FineRetention > TrafficWindow.LongestFine + TrafficWindow.FineBucket);
        Assert.True(TrafficStore.CoarseRetention > TrafficWindow.LongestCoarse + TrafficWindow.CoarseBucket);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void AWindowOutsideWhatIsKeptIsRefused(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrafficWindow.Of(TimeSpan.FromSeconds(seconds)));
}
