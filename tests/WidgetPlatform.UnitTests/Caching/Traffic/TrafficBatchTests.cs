using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.UnitTests.Caching.Traffic;

/// <summary>A study's traffic goes to Redis in small scripts of whole widgets (<see cref="TrafficFlusher.FieldsPerScript"/>).</summary>
public sealed class TrafficBatchTests
{
    [Fact]
    public void BatchesKeepTheOrderAndStayWithinTheLimit()
    {
        int[] sizes = [30, 30, 5, 49, 10, 64, 1];

        var batches = TrafficFlusher.Batches(sizes, size => size, 64).ToList();

        Assert.Equal([[30, 30], [5, 49, 10], [64], [1]], batches);
    }

    [Fact]
    public void AnItemLargerThanTheLimitGoesAlone()
    {
        var batches = TrafficFlusher.Batches([10, 100, 10], size => size, 64).ToList();

        Assert.Equal([[10], [100], [10]], batches);
    }

    [Fact]
    public void NothingGivesNoBatch() => Assert.Empty(TrafficFlusher.Batches(Array.Empty<int>(), size => size, 64));
}
