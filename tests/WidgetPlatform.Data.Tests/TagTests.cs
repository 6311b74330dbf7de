using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

/// <summary>The one tag rule: what is a tag, why not, and when two tags are the same.</summary>
public sealed class TagTests
{
    private const string Rule = "a tag is 1 to 256 characters once leading and trailing whitespace is trimmed, with no control characters.";

    public static TheoryData<string> Tags => new()
    {
        "safety",
        "campaign:123",
        "adverse events",
        "study/site:S01",
        "a*",
        "x",
        "événements indésirables",
        new string('t', Tag.MaxLength),
        $"  {new string('t', Tag.MaxLength)}\t",
    };

    public static TheoryData<string?, string> NotTags => new()
    {
        { null, "tags[0] is missing: " + Rule },
        { "", "tags[0] is empty: " + Rule },
        { " \t\n", "tags[0] is empty: " + Rule },
        { new string('t', Tag.MaxLength + 1), "tags[0] has 257 characters: " + Rule },
        { "line\nbreak", "tags[0] contains the control character U+000A at position 5: " + Rule },
        { "\u001b[31mred", "tags[0] contains the control character U+001B at position 1: " + Rule },
        { "nul\0", "tags[0] contains the control character U+0000 at position 4: " + Rule },
        { "del\u007f", "tags[0] contains the control character U+007F at position 4: " + Rule },
    };

    [Theory]
    [MemberData(nameof(Tags))]
    public void TextWithSpacesAndPunctuationIsATag(string tag) => Assert.Null(Tag.FindError(tag, "tags[0]"));

    [Theory]
    [MemberData(nameof(NotTags))]
    public void AnythingElseIsRefusedWithItsReasonAndTheRule(string? value, string expected) =>
        Assert.Equal(expected, Tag.FindError(value, "tags[0]"));

    [Fact]
    public void ATagIsSentWithoutTheWhitespaceAroundIt() => Assert.Equal("adverse events", Tag.Normalize(" adverse events\t"));

    [Theory]
    [InlineData("campaign:123", "Campaign:123")]
    [InlineData("adverse events", "ADVERSE EVENTS")]
    [InlineData("safety", "  safety ")]
    public void TagsMatchIgnoringCaseAndSurroundingWhitespace(string left, string right)
    {
        Assert.True(Tag.Comparer.Equals(left, right));
        Assert.Equal(Tag.Comparer.GetHashCode(left), Tag.Comparer.GetHashCode(right));
    }

    [Theory]
    [InlineData("campaign", "campaign:123")]
    [InlineData("campaign:12", "campaign:123")]
    [InlineData("campaign:*", "campaign:123")]
    [InlineData("adverse events", "adverse  events")]
    public void TagsMatchWholeWithoutPrefixesOrWildcards(string left, string right) => Assert.False(Tag.Comparer.Equals(left, right));

    [Fact]
    public void ADefinitionMayCarryAnyTagAndNothingElse()
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "w", Type = WidgetType.Metric, Dataset = "AE", Measure = new WidgetMeasure { Op = MeasureOp.Count },
            Tags = ["campaign:123", "adverse events"],
        };

        Assert.Empty(WidgetDefinitionValidator.FindErrors(widget));
        Assert.Equal(
            ["tags[1] is empty: " + Rule, "tags[2] contains the control character U+0009 at position 4: " + Rule],
            WidgetDefinitionValidator.FindErrors(widget with { Tags = ["safety", " ", "bad\ttab"] }));
    }
}
