extern alias invalidation;

using invalidation::WidgetPlatform.Invalidation.Consumers;
using WidgetPlatform.Contracts;
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
        Assert.Equal(["ae-count", "ae-daily", "dm-by-arm"], new WidgetSelection([], ["safety", "demographics"], null, []).Select(Widgets));

    [Fact]
    public void NamedWidgetsAreSelectedEvenWithoutADefinition() =>
        Assert.Equal(["deleted-widget", "lb-count"], new WidgetSelection(["lb-count", "deleted-widget"], [], null, []).Select(Widgets));

    [Fact]
    public void NamesAndTagsTogetherSelectTheUnionOnce() =>
        Assert.Equal(["ae-count", "ae-daily", "lb-count"], new WidgetSelection(["lb-count", "ae-daily"], ["pipeline", "safety"], null, []).Select(Widgets));

    [Fact]
    public void NeitherNamesNorTagsSelectEveryWidget() =>
        Assert.Equal(
            ["ae-count", "ae-daily", "ae-narrative", "campaign-other", "campaign-reach", "dm-by-arm", "lb-count"], new WidgetSelection([], [], null, []).Select(Widgets));

    [Fact]
    public void ATagNoWidgetCarriesSelectsNothing() =>
        Assert.Empty(new WidgetSelection([], ["nobody"], null, []).Select(Widgets));

    [Fact]
    public void HierarchicalTagsAndTagsWithSpacesMatchWholeIgnoringCase() =>
        Assert.Equal(["ae-narrative", "campaign-reach"], new WidgetSelection([], ["campaign:123", "adverse events"], null, []).Select(Widgets));

    [Theory]
    [InlineData("campaign")]
    [InlineData("campaign:*")]
    [InlineData("adverse")]
    public void APrefixOrAWildcardIsNotATagsMatch(string tag) => Assert.Empty(new WidgetSelection([], [tag], null, []).Select(Widgets));

    [Fact]
    public void ADatasetSelectsTheWidgetsReadingItInItsLayer()
    {
        WidgetDefinition[] widgets =
        [
            Widget("ae-count"),
            Widget("dm-count") with { Dataset = "DM" },
            Widget("ae-rollup") with { Layer = DatasetLayer.Transformed },
        ];

        Assert.Equal(["ae-count"], new WidgetSelection([], [], DatasetLayer.Source, ["AE"]).Select(widgets));
        Assert.Equal(["ae-rollup"], new WidgetSelection([], [], DatasetLayer.Transformed, ["AE"]).Select(widgets));
        Assert.Equal(["ae-count", "dm-count"], new WidgetSelection(["dm-count"], [], DatasetLayer.Source, ["AE"]).Select(widgets));
    }

    [Fact]
    public void EntriesAloneSelectNoWholeWidget() => Assert.Empty(new WidgetSelection([], [], null, []).Select(Widgets, everyWhenEmpty: false));

    private static WidgetDefinition Widget(string id, params string[] tags) => new()
    {
        WidgetId = id,
        Type = WidgetType.Metric,
        Dataset = "AE",
        Measure = new WidgetMeasure { Op = MeasureOp.Count },
        Tags = tags,
    };
}
