using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.BrowserTesting;
using WidgetPlatform.Data.Demo;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace WidgetPlatform.BrowserTests.DemoDashboard;

/// <summary>
/// Issue 14: the demo dashboard (resource <c>web</c>) shows every widget of the demo study with the numbers the gateway
/// answers, a reload costs no widget bodies (browser cache or 304), and an upload reaches the open page by itself.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoDashboardTests(ChromiumFixture chromium, PlatformWithDashboard fixture, ITestOutputHelper output)
{
    private const string Study = "STUDY-001";
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(30);

    private TestPlatform Platform => fixture.Platform;

    [Fact]
    public async Task ShowsEveryWidgetOfTheStudyWithTheNumbersTheGatewayAnswers()
    {
        var dashboard = await OpenAsync();

        var rendered = await dashboard.WidgetsAsync();
        var definitions = await WidgetIdsAsync();
        Assert.Equal(definitions.Order(StringComparer.Ordinal), rendered.Select(widget => widget.WidgetId).Order(StringComparer.Ordinal));
        foreach (var widget in rendered)
        {
            var answer = await DataAsync(widget.WidgetId);
            Assert.Equal(answer.GetProperty("metadata").GetProperty("dataVersion").GetString(), widget.DataVersion);
            Assert.True(JsonElement.DeepEquals(answer.GetProperty("data"), widget.Data), $"{widget.WidgetId}: the page shows {widget.Data}, the gateway answers {answer.GetProperty("data")}");
        }

        var screenshot = Artifacts.PathFor("demo-dashboard.png");
        await dashboard.Page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"{rendered.Count} widgets; screenshot: artifacts/{Path.GetFileName(screenshot)}");
    }

    [Fact]
    public async Task AReloadGetsEveryWidgetFromTheBrowserCacheOrA304()
    {
        var (dashboard, network) = await OpenRecordingAsync();
        var cold = Summary(network.Requests);

        network.Clear();
        var reload = Stopwatch.StartNew();
        await dashboard.Page.ReloadAsync();
        await dashboard.WaitUntilReadyAsync();
        reload.Stop();
        var warm = Summary(network.Requests);

        var widgetRequests = network.Requests.Where(IsWidgetData).ToList();
        Assert.Equal((await WidgetIdsAsync()).Count, widgetRequests.Select(request => WidgetOf(request.Url)).Distinct().Count());
        Assert.All(widgetRequests, request => Assert.False(request.BodyFromNetwork, $"{request.Url} was answered {request.WireStatus} with a body"));
        output.WriteLine($"cold: {cold}");
        output.WriteLine($"warm: {warm}, ready in {reload.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task AnUploadMakesEveryAffectedWidgetShowTheNewNumbersWithoutAReload()
    {
        var (dashboard, network) = await OpenRecordingAsync();
        var affected = await WidgetIdsAsync(dataset: DemoDataGenerator.AdverseEvents);
        var before = (await dashboard.WidgetsAsync()).ToDictionary(widget => widget.WidgetId);

        var uploaded = Stopwatch.StartNew();
        var version = await UploadAdverseEventsAsync();
        var acceptedAt = DateTime.UtcNow;
        foreach (var widgetId in affected)
        {
            await Expect(dashboard.Page.GetByTestId($"widget-{widgetId}"))
                .ToHaveAttributeAsync("data-data-version", version, new() { Timeout = (float)PushTimeout.TotalMilliseconds });
        }

        uploaded.Stop();
        Assert.True(await dashboard.Page.Locator("[data-updated='true']").CountAsync() > 0, "No card marked itself updated.");
        var after = (await dashboard.WidgetsAsync()).ToDictionary(widget => widget.WidgetId);
        foreach (var (widgetId, widget) in after)
        {
            var answer = await DataAsync(widgetId);
            Assert.True(JsonElement.DeepEquals(answer.GetProperty("data"), widget.Data), $"{widgetId} shows other numbers than the gateway answers");
            if (!affected.Contains(widgetId))
            {
                Assert.Equal(before[widgetId].DataVersion, widget.DataVersion);
            }
        }

        var oldVersionRequests = network.Requests
            .Where(request => request.SentAt >= acceptedAt && IsWidgetData(request) && affected.Contains(WidgetOf(request.Url)))
            .Where(request => VersionAsked(request.Url) is { } asked && asked != version)
            .ToList();
        Assert.True(oldVersionRequests.Count == 0, $"Requests for an old version after the upload: {string.Join(", ", oldVersionRequests.Select(request => request.Url))}");
        output.WriteLine($"upload accepted → {affected.Count} affected widgets showing version {version}: {uploaded.ElapsedMilliseconds} ms (upload included)");
    }

    private async Task<DemoDashboardPage> OpenAsync() => (await OpenRecordingAsync()).Dashboard;

    private async Task<(DemoDashboardPage Dashboard, NetworkLog Network)> OpenRecordingAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1800 } });
        var page = await context.NewPageAsync();
        var network = await NetworkLog.RecordAsync(page);
        var dashboard = new DemoDashboardPage(page);
        await page.GotoAsync(Platform.ListedEndpoint("web").ToString());
        await dashboard.WaitUntilReadyAsync();
        return (dashboard, network);
    }

    private async Task<List<string>> WidgetIdsAsync(string? dataset = null)
    {
        using var viewer = Platform.CreateHttpClient("query", bearerToken: Platform.DevTokens.Viewer);
        return await StudyWidgets.IdsAsync(viewer, Study, dataset);
    }

    private async Task<JsonElement> DataAsync(string widgetId)
    {
        using var viewer = Platform.CreateHttpClient("query", bearerToken: Platform.DevTokens.Viewer);
        return await viewer.GetFromJsonAsync<JsonElement>($"/api/studies/{Study}/widgets/{widgetId}/data");
    }

    private async Task<string> UploadAdverseEventsAsync()
    {
        using var uploader = Platform.CreateHttpClient("query", bearerToken: Platform.DevTokens.Uploader);
        using var content = new ByteArrayContent(await DemoDataGenerator.AdverseEventsUploadAsync(20_000, Random.Shared.Next()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await uploader.PutAsync(new Uri($"/api/studies/{Study}/datasets/{DemoDataGenerator.AdverseEvents}", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
    }

    private static bool IsWidgetData(NetworkRequest request) => new Uri(request.Url).AbsolutePath.EndsWith("/data", StringComparison.Ordinal);

    private static string WidgetOf(string url) => new Uri(url).Segments[^2].TrimEnd('/');

    private static string? VersionAsked(string url) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["v"];

    private static string Summary(IReadOnlyList<NetworkRequest> requests) =>
        $"{requests.Count} requests ({requests.Count(request => request.BodyFromNetwork)} with a body from the network, " +
        $"{requests.Count(request => request.FromCache)} from the cache, {requests.Count(request => request.Revalidated)} × 304), " +
        $"{requests.Sum(request => request.WireBytes):N0} bytes on the wire";
}
