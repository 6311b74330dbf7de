using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WidgetPlatform.AppHostTesting;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WidgetPlatform.BrowserTests;

/// <summary>
/// Issue 12: a developer who runs the AppHost opens Aspire's dashboard, sees every resource running, follows one upload
/// through the gateway, the invalidation service and the warmer in a single trace, and finds the cache's own meters.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class AspireDashboardTests(ChromiumFixture chromium, PlatformWithDashboard fixture, ITestOutputHelper output)
{
    private const string Study = "STUDY-001";
    private const string UploadSpan = "PUT api/studies/{studyId}/datasets/{dataset}";
    private static readonly string[] Resources = ["cache", "messaging", "query", "invalidation", "warmer", "web"];
    private static readonly TimeSpan TelemetryTimeout = TimeSpan.FromSeconds(60);

    private TestPlatform Platform => fixture.Platform;

    [Fact]
    public async Task TheResourcesPageShowsEveryResourceRunning()
    {
        var page = await LogInAsync();

        foreach (var resource in Resources)
        {
            var row = page.Locator("[role=row]").Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) });
            // The grid fills from the resource service's stream: slow to come under the whole suite's load.
            await Expect(row.First).ToContainTextAsync("Running", new() { Timeout = (float)TelemetryTimeout.TotalMilliseconds });
        }
    }

    [Fact]
    public async Task OneTraceFollowsAnUploadThroughTheGatewayTheInvalidationServiceAndTheWarmer()
    {
        // An active combination of an AE widget, so the warmer has something to recompute when AE changes.
        using (var viewer = Platform.CreateHttpClient("query", bearerToken: Platform.DevTokens.Viewer))
        {
            using var answer = await viewer.GetAsync(new Uri($"/api/studies/{Study}/widgets/ae-by-severity/data?f.site=S03", UriKind.Relative));
            answer.EnsureSuccessStatusCode();
        }

        await UploadAdverseEventsAsync();
        var page = await LogInAsync();
        var row = await WaitForTraceRowAsync(page);
        var traceId = TraceIdPattern().Match(await row.Locator("[title^='Name:']").First.GetAttributeAsync("title") ?? "").Groups[1].Value;
        var listed = Regex.Replace(await row.InnerTextAsync(), @"\s+", " ");
        var detail = page.Locator("body");
        var deadline = DateTime.UtcNow + TelemetryTimeout;
        do
        {
            // The warmer's spans may arrive after the page was rendered: load it again until they are there.
            await page.GotoAsync(new Uri(await Platform.DashboardLoginAsync(), $"/traces/detail/{traceId}").ToString());
            await Task.Delay(2000);
        }
        while (!(await detail.InnerTextAsync()).Contains("widget.compute", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        await Expect(detail).ToContainTextAsync("widget.compute");
        await Expect(detail).ToContainTextAsync("send WidgetPlatform.Contracts:DataUploaded");
        await Expect(detail).ToContainTextAsync("send WidgetPlatform.Contracts:CacheInvalidated");
        await Expect(detail).ToContainTextAsync("send WidgetPlatform.Contracts:StudyCacheWarmed");
        // The steps between the upload and its announcement, and the push to open dashboards (issue 15).
        await Expect(detail).ToContainTextAsync("manifest.mirror.advance");
        await Expect(detail).ToContainTextAsync("manifest.file.sync");
        await Expect(detail).ToContainTextAsync("events.publish");
        output.WriteLine($"listed: {listed}");
        output.WriteLine($"detail: {TraceSummaryPattern().Match(Regex.Replace(await detail.InnerTextAsync(), @"\s+", " ")).Value}");
    }

    [Fact]
    public async Task TheMetricsPageShowsTheCacheInstrumentsOfTheGateway()
    {
        using (var viewer = Platform.CreateHttpClient("query", bearerToken: Platform.DevTokens.Viewer))
        {
            using var answer = await viewer.GetAsync(new Uri($"/api/studies/{Study}/widgets/ae-by-severity/data?f.site=S04", UriKind.Relative));
            answer.EnsureSuccessStatusCode();
        }

        var page = await LogInAsync();
        await page.GotoAsync(new Uri(await Platform.DashboardLoginAsync(), "/metrics/resource/query").ToString());

        await Expect(page.GetByText("widgetplatform.cache.requests", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = (float)TelemetryTimeout.TotalMilliseconds });
        await Expect(page.GetByText("widgetplatform.cache.answer.duration", new() { Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Reloads the traces list until the upload's trace is listed with the spans of all three services (the warmer's
    /// arrive last), and returns its row; the row as last seen when that does not happen in time.
    /// </summary>
    private async Task<ILocator> WaitForTraceRowAsync(IPage page)
    {
        var traces = new Uri(await Platform.DashboardLoginAsync(), "/traces").ToString();
        var deadline = DateTime.UtcNow + TelemetryTimeout;
        while (true)
        {
            await page.GotoAsync(traces);
            var row = page.Locator("[role=row]").Filter(new() { HasText = UploadSpan }).First;
            await Expect(row).ToBeVisibleAsync(new() { Timeout = (float)TelemetryTimeout.TotalMilliseconds });
            var services = (await row.Locator(".trace-service-tag").AllInnerTextsAsync()).Select(tag => tag.Split(' ')[0]).ToList();
            if (new[] { "query", "invalidation", "warmer" }.All(services.Contains) || DateTime.UtcNow > deadline)
            {
                Assert.Superset(new HashSet<string> { "query", "invalidation", "warmer" }, services.ToHashSet());
                return row;
            }

            await Task.Delay(1000);
        }
    }

    private async Task<IPage> LogInAsync()
    {
        // Tall enough that the trace detail's virtualized grid renders every span of the upload's trace.
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 4000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync((await Platform.DashboardLoginAsync()).ToString());
        await Expect(page).Not.ToHaveURLAsync(new Regex("/login"));
        return page;
    }

    private async Task UploadAdverseEventsAsync()
    {
        var current = Directory.GetDirectories(Path.Combine(Platform.DataDirectory, "studies", Study, "source", "AE")).Order(StringComparer.Ordinal).Last();
        using var uploader = Platform.CreateHttpClient("query", bearerToken: Platform.DevTokens.Uploader);
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Directory.GetFiles(current, "*.parquet")[0]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await uploader.PutAsync(new Uri($"/api/studies/{Study}/datasets/AE?layer=source", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    [GeneratedRegex("Trace Id: ([0-9a-f]{32})")]
    private static partial Regex TraceIdPattern();

    [GeneratedRegex("Duration .*? Total spans [0-9]+")]
    private static partial Regex TraceSummaryPattern();
}
