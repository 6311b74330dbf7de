extern alias invalidation;

using invalidation::WidgetPlatform.Invalidation.Consumers;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class WidgetSelectionTests
{
    private static readonly WidgetDefinition[] Widgets =
    [
        Widget("ae-count", "safety"),
        Widget("ae-daily", "safety", "pipeline"),
        Widget("dm-by-arm", "demographics"),
        Widget("lb-count"),
        Widget("campaign-reach", "campaign:123"),
        Widget("campaign-other", "campaign:1234"),
        Widget("ae-narrative", "Adverse Events"),
    ];

    [Fact]
    public void TagsSelectTheWidgetsCarryingAnyOfThem() =>
        Assert.Equal(["ae-count", "ae-daily", "dm-by-arm"], WidgetSelection.Select(Widgets, [], ["safety", "demographics"]));

    [Fact]
    public void NamedWidgetsAreSelectedEvenWithoutADefinition() =>
        Assert.Equal(["deleted-widget", "lb-count"], WidgetSelection.Select(Widgets, ["lb-count", "deleted-widget"], []));

    [Fact]
    public void NamesAndTagsTogetherSelectTheUnionOnce() =>
        Assert.Equal(["ae-count", "ae-daily", "lb-count"], WidgetSelection.Select(Widgets, ["lb-count", "ae-daily"], ["pipeline", "safety"]));

    [Fact]
    public void NeitherNamesNorTagsSelectEveryWidget() =>
        Assert.Equal(
            ["ae-count", "ae-daily", "ae-narrative", "campaign-other", "campaign-reach", "dm-by-arm", "lb-count"], WidgetSelection.Select(Widgets, [], []));

    [Fact]
    public void ATagNoWidgetCarriesSelectsNothing() =>
        Assert.Empty(WidgetSelection.Select(Widgets, [], ["nobody"]));

    [Fact]
    public void HierarchicalTagsAndTagsWithSpacesMatchWholeIgnoringCase() =>
        Assert.Equal(["ae-narrative", "campaign-reach"], WidgetSelection.Select(Widgets, [], ["campaign:123", "adverse events"]));

    [Theory]
    [InlineData("campaign")]
    [InlineData("campaign:*")]
    [InlineData("adverse")]
    public void APrefixOrAWildcardIsNotATagsMatch(string tag) => Assert.Empty(WidgetSelection.Select(Widgets, [], [tag]));

    private static WidgetDefinition Widget(string id, params string[] tags) => new()
    {
        WidgetId = id,
        Type = WidgetType.Metric,
        Dataset = "AE",
        Measure = new WidgetMeasure { Op = MeasureOp.Count },
        Tags = tags,
    };
}
