using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class CanonicalFiltersTests
{
    private static readonly WidgetDefinition Widget = new()
    {
        WidgetId = "ae-by-site",
        Type = WidgetType.Breakdown,
        Dataset = "AE",
        Measure = new WidgetMeasure { Op = MeasureOp.Count },
        Dimension = "site",
        Revision = 1,
    };

    private readonly CanonicalFilters _filters = new();

    [Fact]
    public void ARepeatedQueryIsAnsweredFromTheMemo()
    {
        var first = _filters.For(Widget, Query(("site", ["S01", "S02"])));
        var again = _filters.For(Widget, Query(("site", ["S01", "S02"])));

        Assert.Same(first, again);
    }

    [Fact]
    public void EveryAnswerEqualsTheCanonicalFilterComputedAfresh()
    {
        WidgetQuery[] queries =
        [
            WidgetQuery.Unfiltered,
            new() { From = new DateOnly(2024, 1, 1) },
            new() { To = new DateOnly(2024, 1, 1) },
            Query(("site", ["S02", "S01"])),
            Query(("site", ["S01", "S02"])),
            Query(("site", ["S0", "1S02"])),
            Query(("site", ["S01S02"])),
            Query(("site", ["S01"]), ("serious", ["true"])),
            Query(("site", ["S01", "serious"]), ("true", ["x"])),
            Query(("site", ["1:a"])),
            Query(("site", ["1", "a"])),
        ];

        // Twice, so the second pass is served from the memo: a key that two different queries shared would show here.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var query in queries)
            {
                Assert.Equal(CanonicalFilter.Create(Widget, query).Json, _filters.For(Widget, query).Json);
            }
        }
    }

    [Fact]
    public void OneQueryObjectAskedAgainGetsTheSameFilterAndOneKeyPerVersion()
    {
        var query = Query(("site", ["S02", "S01"]));
        var filter = _filters.For(Widget, query, sharedQuery: true);

        Assert.Same(filter, _filters.For(Widget, query, sharedQuery: true));
        var key = filter.KeyFor("S", Widget.WidgetId, "2024-01-10-143000");
        Assert.Same(key, filter.KeyFor("S", Widget.WidgetId, "2024-01-10-143000"));
        Assert.Equal(new WidgetCacheKey("S", Widget.WidgetId, "2024-01-10-143000", filter.Hash), key);

        var next = filter.KeyFor("S", Widget.WidgetId, "2024-01-11-090000");
        Assert.Equal("2024-01-11-090000", next.DataVersion);
        Assert.Equal(new WidgetCacheKey("S2", Widget.WidgetId, "2024-01-11-090000", filter.Hash), filter.KeyFor("S2", Widget.WidgetId, "2024-01-11-090000"));
    }

    [Fact]
    public void ANewRevisionOfTheWidgetGetsItsOwnFilters()
    {
        var current = _filters.For(Widget, WidgetQuery.Unfiltered);
        var revised = _filters.For(Widget with { Revision = 2 }, WidgetQuery.Unfiltered);

        Assert.NotEqual(current.Hash, revised.Hash);
        Assert.Contains("\"revision\":2", revised.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMemoOfOneDefinitionStaysBounded()
    {
        var first = _filters.For(Widget, Query(("site", ["S-0"])));
        for (var i = 1; i <= CanonicalFilters.PerDefinition; i++)
        {
            _filters.For(Widget, Query(("site", [$"S-{i}"])));
        }

        // The memo started over once it was full, so the first query is computed again: equal, but a new instance.
        var again = _filters.For(Widget, Query(("site", ["S-0"])));
        Assert.Equal(first.Json, again.Json);
        Assert.NotSame(first, again);
    }

    private static WidgetQuery Query(params (string Column, string[] Values)[] filters) =>
        new() { Filters = filters.ToDictionary(filter => filter.Column, filter => (IReadOnlyList<string>)filter.Values) };
}
