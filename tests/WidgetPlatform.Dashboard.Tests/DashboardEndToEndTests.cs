using Microsoft.Playwright;
using WidgetPlatform.Testing;
using static Microsoft.Playwright.Assertions;

namespace WidgetPlatform.Dashboard.Tests;

/// <summary>The dashboard over the real platform: real Redis, RabbitMQ and services started by the test host.</summary>
public sealed class DashboardEndToEndTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly string[] Resources = ["cache", "messaging", "query", "invalidation", "warmer"];
    private WidgetPlatformTestHost _platform = null!;

    public async Task InitializeAsync() =>
        _platform = await WidgetPlatformTestHost.StartAsync(new TestHostOptions { WithDashboard = true });

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task DashboardShowsEveryRunningResourceAndALineOfItsLog()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(_platform.DashboardUrl.ToString());

        foreach (var resource in Resources)
        {
            var row = page.Locator($"#resources tr[data-resource=\"{resource}\"]");
            await Expect(row.Locator("[data-field=state]")).ToHaveTextAsync("Running");
            await Expect(row.Locator("[data-field=health]")).ToHaveTextAsync("Healthy");
            await Expect(row.Locator("[data-field=pid]")).ToHaveTextAsync(_platform.GetResource(resource).Pid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

            await row.Locator("[data-field=name]").ClickAsync();

            await Expect(page.Locator("#log-view")).ToHaveAttributeAsync("data-resource", resource);
            await Expect(page.Locator("#log-view .log-line[data-stream=\"apphost\"]").First).ToContainTextAsync("starting");
        }

        // The gateway's own console output, not just the AppHost's note about starting it.
        await page.Locator("#resources tr[data-resource=\"query\"] [data-field=name]").ClickAsync();
        await Expect(page.Locator("#log-view .log-line[data-stream=\"stdout\"]").Filter(new() { HasText = "Now listening on" })).ToHaveCountAsync(1);
    }
}
