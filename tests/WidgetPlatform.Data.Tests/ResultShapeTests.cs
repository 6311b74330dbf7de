using System.Text.Json;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

public sealed class ResultShapeTests
{
    private static string Json(WidgetResult result) => JsonSerializer.Serialize(result, WidgetJson.Options);

    [Fact]
    public void MetricSerialisesWithAllFourFields() =>
        Assert.Equal(
            """{"value":4332,"previousValue":4250,"change":82,"changePercent":1.93}""",
            Json(new MetricResult(AggregateValue.FromInteger(4332), AggregateValue.FromInteger(4250), AggregateValue.FromInteger(82), 1.93)));

    [Fact]
    public void MetricWithoutComparisonKeepsNullFields() =>
        Assert.Equal(
            """{"value":2.5,"previousValue":null,"change":null,"changePercent":null}""",
            Json(new MetricResult(AggregateValue.FromReal(2.5), AggregateValue.Null, AggregateValue.Null, null)));

    [Fact]
    public void BreakdownSerialisesBucketsAndTotalWithANullKey() =>
        Assert.Equal(
            """{"buckets":[{"key":"MILD","value":823},{"key":null,"value":1}],"total":1543}""",
            Json(new BreakdownResult([new ResultBucket("MILD", AggregateValue.FromInteger(823)), new ResultBucket(null, AggregateValue.FromInteger(1))], AggregateValue.FromInteger(1543))));

    [Fact]
    public void TimeseriesSerialisesIntervalAndIsoDates() =>
        Assert.Equal(
            """{"interval":"week","points":[{"t":"2024-01-08","value":12},{"t":"2024-01-15","value":null}]}""",
            Json(new TimeseriesResult(TimeInterval.Week, [new TimeseriesPoint(new DateOnly(2024, 1, 8), AggregateValue.FromInteger(12)), new TimeseriesPoint(new DateOnly(2024, 1, 15), AggregateValue.Null)])));

    [Fact]
    public void TableSerialisesRows() =>
        Assert.Equal(
            """{"rows":[{"key":"SUBJ-001","value":17}]}""",
            Json(new TableResult([new ResultBucket("SUBJ-001", AggregateValue.FromInteger(17))])));
}
