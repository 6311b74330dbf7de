using WidgetPlatform.Cli.Warming;

namespace WidgetPlatform.UnitTests.Cli;

public sealed class WarmViewsTests
{
    [Fact]
    public void FiltersGroupByColumnAndARepeatedColumnIsAnIn()
    {
        var (views, error) = WarmViews.Parse(["last_7_days"], ["site=S01", "site=S02", "severity=SEVERE"]);

        Assert.Null(error);
        Assert.Equal(["S01", "S02"], views!.Filters!["site"]);
        Assert.Equal(["SEVERE"], views.Filters["severity"]);
    }

    [Theory]
    [InlineData("site")]
    [InlineData("=S01")]
    [InlineData("site=")]
    public void AFilterThatIsNotColumnEqualsValueIsRefused(string filter) =>
        Assert.Contains("is not column=value", WarmViews.Parse(["today"], [filter]).Error, StringComparison.Ordinal);

    [Fact]
    public void FiltersWithoutARangeAreRefused() =>
        Assert.Contains("give --range too", WarmViews.Parse([], ["site=S01"]).Error, StringComparison.Ordinal);
}
