using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Data.Tests;

public sealed class DistinctIdSetsTests
{
    [Fact]
    public void IdsAreKeptAsBitsWithinTheBudget()
    {
        var sets = new DistinctIdSets();
        var accumulator = new Accumulator();

        foreach (var id in new[] { 5, 0, 5, 4_000, 63, 64 })
        {
            sets.Add(accumulator, id);
        }

        Assert.NotNull(accumulator.DistinctIds);
        Assert.Null(accumulator.Distinct);
        Assert.Equal([0, 5, 63, 64, 4_000], DistinctIdSets.Ids(accumulator).Order());
    }

    [Fact]
    public void PastTheBudgetAnAccumulatorMovesToAHashSetKeepingEveryId()
    {
        var sets = new DistinctIdSets(maxBitSetBytes: 256);
        var first = new Accumulator();
        var second = new Accumulator();
        var ids = Enumerable.Range(0, 3_000).Where(id => id % 7 == 0).ToList();

        foreach (var id in ids)
        {
            sets.Add(first, id);
            sets.Add(second, id / 2);
        }

        Assert.NotNull(first.Distinct);
        Assert.Null(first.DistinctIds);
        Assert.Equal(ids, DistinctIdSets.Ids(first).Order());
        Assert.Equal(ids.Select(id => id / 2).Distinct(), DistinctIdSets.Ids(second).Order());
    }
}
