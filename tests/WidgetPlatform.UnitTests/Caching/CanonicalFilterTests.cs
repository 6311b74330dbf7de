using System.Security.Cryptography;
using System.Text;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class CanonicalFilterTests
{
    private static readonly WidgetDefinition Widget = new()
    {
        WidgetId = "ae-by-severity",
        Type = WidgetType.Breakdown,
        Dataset = "AE",
        Measure = new WidgetMeasure { Op = MeasureOp.Count },
        Dimension = "severity",
        Filters = new Dictionary<string, IReadOnlyList<string>> { ["site"] = ["S01", "S02", "S03"] },
        Revision = 3,
    };

    [Fact]
    public void TheSameRequestInAnyOrderHashesTheSame()
    {
        var one = CanonicalFilter.Create(Widget, Query(("severity", ["SEVERE", "MILD"]), ("serious", ["true"])));
        var other = CanonicalFilter.Create(Widget, Query(("serious", ["true"]), ("severity", ["MILD", "SEVERE", "MILD"])));

        Assert.Equal(one.Json, other.Json);
        Assert.Equal(one.Hash, other.Hash);
        Assert.Matches("^[0-9a-f]{16}$", one.Hash);
    }

    [Fact]
    public void TheJsonIsCanonicalWithKeysSortedAndTheWidgetFiltersIntersectedWithTheRequests()
    {
        var filter = CanonicalFilter.Create(Widget, Query(("site", ["S03", "S09", "S01"])) with { From = new DateOnly(2024, 1, 1) });

        Assert.Equal("""{"filters":{"site":["S01","S03"]},"from":"2024-01-01","revision":3,"to":null}""", filter.Json);
    }

    [Fact]
    public void RevisionRangeAndFiltersEachChangeTheHash()
    {
        var baseline = CanonicalFilter.Create(Widget, WidgetQuery.Unfiltered).Hash;

        Assert.NotEqual(baseline, CanonicalFilter.Create(Widget with { Revision = 4 }, WidgetQuery.Unfiltered).Hash);
        Assert.NotEqual(baseline, CanonicalFilter.Create(Widget, new WidgetQuery { To = new DateOnly(2024, 1, 31) }).Hash);
        Assert.NotEqual(baseline, CanonicalFilter.Create(Widget, Query(("serious", ["false"]))).Hash);
    }

    [Fact]
    public void TheHashIsTheFirstEightBytesOfTheSha256OfTheUtf8Json()
    {
        var filter = CanonicalFilter.Create(Widget, Query(("site", ["Zürich"])));

        Assert.Equal(Encoding.UTF8.GetBytes(filter.Json), filter.Utf8);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(filter.Utf8)[..8]), filter.Hash);
    }

    [Fact]
    public void KeysHaveTheContractsShapeAndParseBack()
    {
        var key = new WidgetCacheKey("STUDY-001", "metric-card-123", "2024-01-10-143000", "9f2c6a1be04d7735");

        Assert.Equal("widget:{STUDY-001}:metric-card-123:2024-01-10-143000:9f2c6a1be04d7735", key.Value);
        Assert.Equal(key, WidgetCacheKey.Parse(key.Value));
        Assert.Null(WidgetCacheKey.Parse("widget:STUDY-001:x:y:z"));
        Assert.Null(WidgetCacheKey.Parse("lock:widget:{S}:x:y:z"));
    }

    private static WidgetQuery Query(params (string Column, string[] Values)[] filters) =>
        new() { Filters = filters.ToDictionary(filter => filter.Column, filter => (IReadOnlyList<string>)filter.Values) };
}
