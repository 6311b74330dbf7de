using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Statistics;

namespace WidgetPlatform.UnitTests.Query;

public sealed class RequestParsingTests
{
    [Fact]
    public void RepeatedFilterParametersBecomeOneInList()
    {
        var query = WidgetQueryParser.FromQueryString(Query(("from", ["2024-01-01"]), ("to", ["2024-01-31"]), ("f.site", ["S01", "S02"])));

        Assert.Equal(new DateOnly(2024, 1, 1), query.From);
        Assert.Equal(new DateOnly(2024, 1, 31), query.To);
        Assert.Equal(["S01", "S02"], query.Filters["site"]);
    }

    [Theory]
    [InlineData("from", "2024-1-1")]
    [InlineData("to", "yesterday")]
    [InlineData("f.s*te", "S01")]
    [InlineData("f.site", "")]
    [InlineData("page", "2")]
    public void AnythingOutsideTheContractIsRefused(string name, string value) =>
        Assert.Throws<RequestValidationException>(() => WidgetQueryParser.FromQueryString(Query((name, [value]))));

    [Fact]
    public void TheLimitsAreTheContractsExactly()
    {
        var tenColumns = Enumerable.Range(0, RequestLimits.FilterColumns).Select(index => ($"f.c{index}", new[] { "1" })).ToArray();
        var fiftyValues = ("f.site", Enumerable.Range(0, RequestLimits.ValuesPerColumn).Select(index => $"S{index}").ToArray());

        WidgetQueryParser.FromQueryString(Query(tenColumns));
        WidgetQueryParser.FromQueryString(Query(fiftyValues));
        WidgetQueryParser.FromQueryString(Query(("f.site", [new string('x', RequestLimits.ValueLength)])));
        Assert.Throws<RequestValidationException>(() => WidgetQueryParser.FromQueryString(Query([.. tenColumns, ("f.extra", ["1"])])));
        Assert.Throws<RequestValidationException>(() => WidgetQueryParser.FromQueryString(Query(("f.site", [.. fiftyValues.Item2, "S50"]))));
        Assert.Throws<RequestValidationException>(() => WidgetQueryParser.FromQueryString(Query(("f.site", [new string('x', RequestLimits.ValueLength + 1)]))));
    }

    [Fact]
    public void ARangeEndingBeforeItStartsIsRefused() =>
        Assert.Throws<RequestValidationException>(() => WidgetQueryParser.FromFields("2024-02-01", "2024-01-01", null, "widgets[0]."));

    [Theory]
    [InlineData(null, null, 0, 100)]
    [InlineData(1.0, 20.0, 0, 100)]
    [InlineData(0.5, 20.0, 0, 75)]
    [InlineData(1.0, 500.0, 0, 70)]
    [InlineData(1.0, 20.0, 0.05, 80)]
    [InlineData(0.0, 1000.0, 1, 0)]
    public void TheHealthScoreWeighsHitRateResponseTimeAndErrors(double? hitRate, double? averageMs, double errorRate, int expected) =>
        Assert.Equal(expected, HealthScore.Of(hitRate, averageMs, errorRate));

    [Theory]
    [InlineData("campaign:123", "campaign:123")]
    [InlineData(" adverse events ", "adverse events")]
    public void ATagInABodyIsCheckedByTheTagRuleNotAsAnIdentifier(string value, string expected) =>
        Assert.Equal(expected, RequestTags.Require(value, "tags[0]"));

    [Fact]
    public void ABadTagIsA400NamingItsField()
    {
        var refused = Assert.Throws<RequestValidationException>(() => RequestTags.Require("tab\there", "tags[1]"));

        Assert.Equal(["tags[1] contains the control character U+0009 at position 4: " + Data.Tag.Rule + "."], refused.Errors["tags[1]"]);
    }

    private static QueryCollection Query(params (string Name, string[] Values)[] parameters) =>
        new(parameters.ToDictionary(parameter => parameter.Name, parameter => new StringValues(parameter.Values)));
}
