using System.Globalization;
using System.Text.Json;

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
    public async Task AlertsExitCodeFollowsTheAlertsOfTheReport()
    {
        var gateway = platform.Gateway();
        var timed = (await GatewayProbe.WidgetsAsync(gateway, Study)).First(widget => widget.TryGetProperty("timeColumn", out _))
            .GetProperty("widgetId").GetString()!;

        // Firing: requests nobody made before are misses; enough of them take the hit rate under 90%.
        var before = await SettledReportAsync();
        var misses = (int)Math.Max(0, Math.Ceiling(Hits(before) / 0.9 - Total(before))) + 10;
        var start = new DateOnly(2019, 1, 1).AddDays(Random.Shared.Next(0, 1000));
        for (var i = 0; i < misses; i++)
        {
            var from = start.AddDays(i);
            await GatewayProbe.CacheResultAsync(gateway, Study, timed,
                string.Create(CultureInfo.InvariantCulture, $"?from={from:yyyy-MM-dd}&to={from.AddDays(3):yyyy-MM-dd}"));
        }

        var missed = await WaitForReportAsync(report => Total(report) >= Total(before) + misses, $"after {misses} misses");
        Assert.True(Hits(missed) / Total(missed) < 0.9, missed.ToString());
        var firing = await platform.RunAsync("status", "--json", "--alerts");

        using (var document = JsonDocument.Parse(firing.Out))
        {
            var alerts = document.RootElement.GetProperty("alerts").EnumerateArray().Select(alert => alert.GetString()!).ToList();
            Assert.True(alerts.Count > 0, firing.ToString());
            Assert.True(firing.ExitCode == 2, firing.ToString());
            Assert.All(alerts, alert => Assert.Contains(alert, firing.Error, StringComparison.Ordinal));
        }

        // Cleared: enough hits on one cached answer lift the hit rate back over 90%, and nothing else is wrong.
        await GatewayProbe.CacheResultAsync(gateway, Study, timed);
        var now = await SettledReportAsync();
        var hits = (int)Math.Ceiling((0.9 * Total(now) - Hits(now)) / 0.1) + 50;
        await Parallel.ForEachAsync(Enumerable.Range(0, hits), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            Assert.Equal("hit", await GatewayProbe.CacheResultAsync(gateway, Study, timed)));

        await WaitForReportAsync(
            report => report.GetProperty("alerts").GetArrayLength() == 0,
            $"after {hits} hits on a report of {Hits(now)} hits in {Total(now)} requests");
        var healthy = await platform.RunAsync("status", "--alerts");

        Assert.True(healthy.ExitCode == 0, healthy.ToString());
        Assert.Contains("No alerts.", healthy.Out, StringComparison.Ordinal);
    }

    private static double Hits(JsonElement report) =>
        report.GetProperty("requests").GetProperty("hit").GetInt64() + report.GetProperty("requests").GetProperty("stale").GetInt64();

    private static double Total(JsonElement report) => report.GetProperty("requests").GetProperty("total").GetInt64();

    private async Task<JsonElement> ReportAsync()
    {
        var run = await platform.RunAsync("status", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    /// <summary>
    /// The report once every request made so far is in it: processes publish their counters about once a second, so two
    /// reports more than a second apart with the same request count mean nothing is still on its way.
    /// </summary>
    private async Task<JsonElement> SettledReportAsync()
    {
        var report = await ReportAsync();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var next = await ReportAsync();
            if (Total(next) == Total(report))
            {
                return next;
            }

            report = next;
        }
    }

    /// <summary>Every process publishes its counters about once a second: poll until the fleet report shows the change.</summary>
    private async Task<JsonElement> WaitForReportAsync(Func<JsonElement, bool> condition, string context = "")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var report = await ReportAsync();
            if (condition(report))
            {
                return report;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The statistics report did not reach the expected state within 20 s {context}: {report}");
            }

            await Task.Delay(250);
        }
    }
}
