using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace WidgetPlatform.Cli.Tests;

[Collection(CliPlatform.Name)]
public sealed partial class WarmCommandTests(CliPlatformFixture platform)
{
    private const string Study = CliPlatformFixture.Study;

    [Fact]
    public async Task WarmingAStudyMakesEveryWidgetsNextRequestAHit()
    {
        var gateway = platform.Gateway();
        var widgets = (await GatewayProbe.WidgetsAsync(gateway, Study)).Select(widget => widget.GetProperty("widgetId").GetString()!).ToList();

        var first = await platform.RunAsync("warm", "--study", Study, "--parallel", "4");

        Assert.True(first.ExitCode == 0, first.ToString());
        var (items, hits, misses, errors) = SummaryRow(first);
        Assert.Equal(widgets.Count, items);
        Assert.Equal(items, hits + misses);
        Assert.Equal(0, errors);
        foreach (var widget in widgets)
        {
            Assert.Equal("hit", await GatewayProbe.CacheResultAsync(gateway, Study, widget));
        }

        // Warming again finds everything cached: the bar counts what the gateway answered, not what was asked.
        var second = await platform.RunAsync("warm", "--study", Study);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal((widgets.Count, widgets.Count, 0, 0), SummaryRow(second));
    }

    [Fact]
    public async Task WarmingNamedWidgetsRequestsOnlyThose()
    {
        var widgets = (await GatewayProbe.WidgetsAsync(platform.Gateway(), Study)).Select(widget => widget.GetProperty("widgetId").GetString()!).Take(2).ToList();

        var run = await platform.RunAsync("warm", "--study", Study, "--widget", widgets[0], "--widget", widgets[1]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, SummaryRow(run).Items);
    }

    [Fact]
    public async Task WarmingWithoutAStudyWarmsEveryStudyTheTokenSees()
    {
        var run = await platform.RunAsync("warm");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(Study, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWidgetThatDoesNotExistIsAnErrorAndExitsOne()
    {
        var run = await platform.RunAsync("warm", "--study", Study, "--widget", "no-such-widget");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal((1, 0, 0, 1), SummaryRow(run));
        Assert.Contains("no-such-widget", run.Out, StringComparison.Ordinal);
        Assert.Contains("404", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcedWarmWaitsForTheWarmersFreshDataReport()
    {
        var run = await platform.RunAsync("warm", "--study", Study, "--force", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("fresh-data received", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForcedWarmOfNamedRangesWarmsThoseViews()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var run = await platform.RunAsync("warm", "--study", Study, "--widget", "ae-daily", "--force", "--range", "last_90_days", "--filter", "site=S03", "--timeout", "60");

        Assert.True(run.ExitCode == 0, run.ToString());
        var query = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"?from={today.AddDays(-89):yyyy-MM-dd}&to={today:yyyy-MM-dd}&f.site=S03");
        Assert.Equal("hit", await GatewayProbe.CacheResultAsync(platform.Gateway(), Study, "ae-daily", query));
    }

    [Fact]
    public async Task ARangeWithoutForceIsBadUsage()
    {
        var run = await platform.RunAsync("warm", "--study", Study, "--range", "today");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("--range needs --force", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudiesEndpointListsOnlyTheStudiesTheTokenCovers()
    {
        var admin = await platform.Gateway().GetFromJsonAsync<string[]>(new Uri("api/studies", UriKind.Relative));
        var other = await platform.Gateway(platform.Host.MintToken("viewer", ["STUDY-999"]))
            .GetFromJsonAsync<string[]>(new Uri("api/studies", UriKind.Relative));

        Assert.Contains(Study, admin!);
        Assert.Empty(other!);
    }

    /// <summary>The study's row of the summary table: items, hits, misses and errors.</summary>
    private static (int Items, int Hits, int Misses, int Errors) SummaryRow(CliRun run)
    {
        var row = SummaryRowPattern().Match(run.Out);
        Assert.True(row.Success, $"No summary row for {Study}:\n{run}");
        int Cell(int group) => int.Parse(row.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Cell(1), Cell(2), Cell(3), Cell(5));
    }

    // │ STUDY-001 │ items │ hits │ misses │ stale │ errors │ duration │
    [GeneratedRegex(@"STUDY-001\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│")]
    private static partial Regex SummaryRowPattern();
}
