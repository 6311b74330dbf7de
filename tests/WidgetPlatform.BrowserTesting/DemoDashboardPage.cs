using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WidgetPlatform.BrowserTesting;

/// <summary>One widget card as the page rendered it: its data version and the data it drew (clients/demo-dashboard).</summary>
public sealed record RenderedWidget(string WidgetId, string DataVersion, JsonElement Data);

/// <summary>The demo dashboard as a test reads it, through the data-testid contract of its cards (clients/demo-dashboard/README.md).</summary>
public sealed class DemoDashboardPage(IPage page)
{
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    public IPage Page => page;

    public ILocator Cards => page.Locator("[data-testid^='widget-']");

    public async Task WaitUntilReadyAsync() =>
        await Expect(page.GetByTestId("dashboard")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = (float)LoadTimeout.TotalMilliseconds });

    public async Task<IReadOnlyList<RenderedWidget>> WidgetsAsync()
    {
        var widgets = new List<RenderedWidget>();
        foreach (var card in await Cards.AllAsync())
        {
            var id = (await card.GetAttributeAsync("data-testid"))!["widget-".Length..];
            var version = await card.GetAttributeAsync("data-data-version") ?? "";
            var data = await card.GetAttributeAsync("data-values") ?? "null";
            widgets.Add(new RenderedWidget(id, version, JsonDocument.Parse(data).RootElement.Clone()));
        }

        return widgets;
    }

    public async Task<string?> VersionShownAsync(string widgetId) =>
        await page.GetByTestId($"widget-{widgetId}").GetAttributeAsync("data-data-version");
}
