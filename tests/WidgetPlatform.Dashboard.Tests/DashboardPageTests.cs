using Microsoft.Playwright;
using WidgetPlatform.Dashboard.Resources;
using WidgetPlatform.Dashboard.Tests.Fakes;
using static Microsoft.Playwright.Assertions;

namespace WidgetPlatform.Dashboard.Tests;

public sealed class DashboardPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private RunningDashboard _dashboard = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _dashboard = await RunningDashboard.StartAsync();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1400, Height = 900 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task PageListsEveryResourceWithItsStateAndHealth()
    {
        await _page.GotoAsync(_dashboard.Server.Url.ToString());

        await Expect(_page.Locator("#resources tbody tr")).ToHaveCountAsync(SampleResources.All.Count);
        foreach (var resource in SampleResources.All)
        {
            var row = Row(resource.Name);
            await Expect(row.Locator("[data-field=kind]")).ToHaveTextAsync(resource.Kind);
            await Expect(row.Locator("[data-field=state]")).ToHaveTextAsync(resource.State.ToString());
            await Expect(row.Locator("[data-field=health]")).ToHaveTextAsync(resource.Health.ToString());
            await Expect(row.Locator("[data-field=restartCount]")).ToHaveTextAsync(resource.RestartCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(Row("query").Locator("[data-field=endpoints] a")).ToHaveAttributeAsync("href", "http://127.0.0.1:40103");
        await Expect(Row("cache").Locator("[data-field=endpoints] a")).ToHaveCountAsync(0);
        await Expect(Row("invalidation").Locator("[data-field=lastExit]")).ToHaveTextAsync("exit code 134 at 09:42:10");
        await Expect(_page.Locator("#connection")).ToHaveAttributeAsync("data-connected", "true");
    }

    [Fact]
    public async Task ClickingARowShowsItsLogLinesByStream()
    {
        _dashboard.Control.AppendLog("query", "apphost", "starting query (pid 4103)");
        _dashboard.Control.AppendLog("query", "stdout", "Now listening on: http://127.0.0.1:40103");
        _dashboard.Control.AppendLog("query", "stderr", "warn: cache slow");
        _dashboard.Control.AppendLog("cache", "stdout", "Ready to accept connections");
        await _page.GotoAsync(_dashboard.Server.Url.ToString());

        await Row("query").Locator("[data-field=name]").ClickAsync();

        await Expect(Row("query")).ToHaveAttributeAsync("aria-selected", "true");
        var lines = _page.Locator("#log-view .log-line");
        await Expect(lines).ToHaveCountAsync(3);
        await Expect(lines.Locator(".text")).ToHaveTextAsync(["starting query (pid 4103)", "Now listening on: http://127.0.0.1:40103", "warn: cache slow"]);
        await Expect(_page.Locator("#log-view .log-line[data-stream=stderr]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("warn: cache slow"));
        await Expect(_page.Locator("#log-view .log-line[data-stream=apphost]")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#log-view")).Not.ToContainTextAsync("Ready to accept connections");
    }

    [Fact]
    public async Task LineAppendedAfterThePageLoadedAppearsLive()
    {
        _dashboard.Control.AppendLog("cache", "stdout", "Ready to accept connections");
        await _page.GotoAsync(_dashboard.Server.Url.ToString());
        await Row("cache").Locator("button[data-action=logs]").ClickAsync();
        await Expect(_page.Locator("#log-view .log-line")).ToHaveCountAsync(1);

        var appended = _dashboard.Control.AppendLog("cache", "stderr", "fresh line from the fake");

        var line = _page.Locator($"#log-view .log-line[data-sequence=\"{appended.Sequence}\"]");
        await Expect(line).ToContainTextAsync("fresh line from the fake", new() { Timeout = 3000 });
        await Expect(line).ToHaveAttributeAsync("data-stream", "stderr");
    }

    [Fact]
    public async Task StateChangeAppearsWithoutReloading()
    {
        await _page.GotoAsync(_dashboard.Server.Url.ToString());
        await Expect(Row("warmer").Locator("[data-field=state]")).ToHaveTextAsync("Waiting");

        _dashboard.Control.Update(SampleResources.Warmer with { State = ResourceState.Running, Health = ResourceHealth.Healthy, Pid = 4105 });

        await Expect(Row("warmer").Locator("[data-field=state]")).ToHaveTextAsync("Running", new() { Timeout = 3000 });
        await Expect(Row("warmer").Locator("[data-field=pid]")).ToHaveTextAsync("4105");
    }

    [Fact]
    public async Task ClickingRestartCallsTheControl()
    {
        await _page.GotoAsync(_dashboard.Server.Url.ToString());

        await Row("query").Locator("button[data-action=restart]").ClickAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.Equal(new ResourceCall("restart", "query"), await _dashboard.Control.Calls.ReadAsync(timeout.Token));
        await Expect(_page.Locator("#status")).ToHaveTextAsync("restart query: done");
    }

    [Fact]
    public async Task ActionsThatMakeNoSenseInAStateAreDisabled()
    {
        await _page.GotoAsync(_dashboard.Server.Url.ToString());

        await Expect(Row("query").Locator("button[data-action=start]")).ToBeDisabledAsync();
        await Expect(Row("query").Locator("button[data-action=stop]")).ToBeEnabledAsync();
        await Expect(Row("invalidation").Locator("button[data-action=start]")).ToBeEnabledAsync();
    }

    private ILocator Row(string name) => _page.Locator($"#resources tr[data-resource=\"{name}\"]");
}
