using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class NamedRangeTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData("today", "2026-03-15", "2026-03-15")]
    [InlineData("yesterday", "2026-03-14", "2026-03-14")]
    [InlineData("last_7_days", "2026-03-09", "2026-03-15")]
    [InlineData("last_30_days", "2026-02-14", "2026-03-15")]
    [InlineData("last_90_days", "2025-12-16", "2026-03-15")]
    [InlineData("this_month", "2026-03-01", "2026-03-15")]
    [InlineData("last_month", "2026-02-01", "2026-02-28")]
    [InlineData("this_year", "2026-01-01", "2026-03-15")]
    public void EachNameIsAnInclusiveSpanEndingAtOrBeforeToday(string name, string from, string to) =>
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), NamedRange.Resolve(name, Today));

    [Fact]
    public void EveryNameResolves() => Assert.All(NamedRange.Names, name => NamedRange.Resolve(name, Today));

    [Fact]
    public void AnUnknownNameIsRefused() => Assert.Throws<ArgumentException>(() => NamedRange.Resolve("last_fortnight", Today));

    [Fact]
    public void WarmRangesNeedATimeColumnAndKnownNames()
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "w", Type = WidgetType.Metric, Dataset = "AE", Measure = new WidgetMeasure { Op = MeasureOp.Count }, WarmRanges = ["today", "someday"],
        };

        var errors = WidgetDefinitionValidator.FindErrors(widget);

        Assert.Contains(errors, error => error.Contains("need a timeColumn", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("'someday' is not a named range", StringComparison.Ordinal));
        Assert.Empty(WidgetDefinitionValidator.FindErrors(widget with { TimeColumn = "event_date", WarmRanges = ["today", "last_month"] }));
    }
}
