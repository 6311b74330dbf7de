using System.Globalization;
using System.Text.Json;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.Cli.Tests;

[Collection(CliPlatform.Name)]
public sealed class StatusCommandTests(CliPlatformFixture platform)
{
    private const string Study = CliPlatformFixture.Study;

    [Fact]
    public async Task StatusJsonIsTheGatewaysStatisticsReport()
    {
        var run = await platform.RunAsync("status", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var report = json.RootElement;
        Assert.InRange(report.GetProperty("healthScore").GetInt32(), 0, 100);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("alerts").ValueKind);
        Assert.True(report.GetProperty("requests").TryGetProperty("total", out _));
        Assert.True(report.GetProperty("redis").GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task StatusTableShowsTheFiguresOfTheDesign()
    {
        var run = await platform.RunAsync("status");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var figure in new[] { "Health score", "Hit rate", "Response time cached", "Redis keys", "Evicted keys", "Last invalidation",
                     "Active cached widgets", "Lock waits / failures", "Warming runs / entries warmed" })
        {
            Assert.Contains(figure, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StudyStatusShowsEveryWidgetOfTheStudy()
    {
        var widgets = (await GatewayProbe.WidgetsAsync(platform.Gateway(), Study)).Select(widget => widget.GetProperty("widgetId").GetString()!).ToList();

        var table = await platform.RunAsync("status", "--study", Study);
        var json = await platform.RunAsync("status", "--study", Study, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.All(widgets, widget => Assert.Contains(widget, table.Out, StringComparison.Ordinal));
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(Study, document.RootElement.GetProperty("studyId").GetString());
        Assert.Equal(widgets.Order(StringComparer.Ordinal), document.RootElement.GetProperty("widgets").EnumerateArray()
            .Select(widget => widget.GetProperty("widgetId").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WidgetStatusShowsItsTrafficOverTime()
    {
        var timed = await TimedWidgetAsync();
        await GatewayProbe.CacheResultAsync(platform.Gateway(), Study, timed);

        var run = await platform.RunAsync("status", "--study", Study, "--widget", timed);
        var detailed = await platform.RunAsync("status", "--study", Study, "--detailed");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var window in new[] { "last minute", "last 5 minutes", "last hour", "since" })
        {
            Assert.Contains(window, run.Out, StringComparison.Ordinal);
            Assert.Contains(window, detailed.Out, StringComparison.Ordinal);
        }

        Assert.Contains($"{timed} over time", detailed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWidgetWithoutAStudyIsBadUsage()
    {
        var run = await platform.RunAsync("status", "--widget", "ae-count");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("--widget needs --study", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsExitCodeFollowsTheAlertsThatFire()
    {
        var gateway = platform.Gateway();
        var timed = await TimedWidgetAsync();

        // Firing: ranges nobody asked before are misses; 10 of them in the 10-s window take the hit rate under 90%.
        var start = new DateOnly(2019, 1, 1).AddDays(Random.Shared.Next(0, 1000));
        for (var i = 0; i < 10; i++)
        {
            var from = start.AddDays(i);
            await GatewayProbe.CacheResultAsync(gateway, Study, timed,
                string.Create(CultureInfo.InvariantCulture, $"?from={from:yyyy-MM-dd}&to={from.AddDays(3):yyyy-MM-dd}"));
        }

        var firing = await Eventually.UntilAsync(() => platform.RunAsync("status", "--json", "--alerts"), run => run.ExitCode == 2, "status --alerts exits 2");
        Assert.Contains("ALERT hit-rate:", firing.Error, StringComparison.Ordinal);
        var table = await platform.RunAsync("status", "--alerts");
        Assert.True(table.ExitCode == 2, table.ToString());
        Assert.Contains("hit-rate", table.Out, StringComparison.Ordinal);

        // Cleared: hits on one cached answer lift the window's hit rate over 90%, and nothing else is wrong.
        await GatewayProbe.CacheResultAsync(gateway, Study, timed);
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            Assert.Equal("hit", await GatewayProbe.CacheResultAsync(gateway, Study, timed)));

        var healthy = await Eventually.UntilAsync(() => platform.RunAsync("status", "--alerts"), run => run.ExitCode == 0, "status --alerts exits 0");
        Assert.Contains("No alerts.", healthy.Out, StringComparison.Ordinal);
    }

    private async Task<string> TimedWidgetAsync() =>
        (await GatewayProbe.WidgetsAsync(platform.Gateway(), Study)).First(widget => widget.TryGetProperty("timeColumn", out _))
            .GetProperty("widgetId").GetString()!;
}
