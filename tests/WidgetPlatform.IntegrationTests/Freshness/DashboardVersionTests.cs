using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Gateway;
using WidgetPlatform.IntegrationTests.WarmerReplicas;
using Xunit.Abstractions;

namespace WidgetPlatform.IntegrationTests.Freshness;

/// <summary>Issue 15: while versions change under it, one dashboard response never mixes two versions of one dataset.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class DashboardVersionTests(GatewayFixture platform, ITestOutputHelper output)
{
    private const int Uploads = 4;

    [Fact]
    public async Task DashboardsReadAcrossUploadsShowOneVersionOfEachDatasetEach()
    {
        using var viewer = platform.Replica(1, platform.Host.DevTokens.Viewer);
        using var uploader = platform.Replica(0, platform.Host.DevTokens.Uploader);
        var widgets = await StudyWidgets.IdsAsync(viewer, GatewayFixture.Study, DemoDataGenerator.AdverseEvents);
        var body = new { widgets = widgets.Select(widget => new { widgetId = widget }).Append(new { widgetId = "dm-by-arm" }).ToArray() };
        var parquets = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(_ => DemoDataGenerator.AdverseEventsUploadAsync(2_000, Random.Shared.Next())));

        using var reading = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => ReadUntilCancelledAsync(viewer, body, reading.Token)).ToArray();
        var last = "";
        foreach (var parquet in parquets)
        {
            last = await StudyTraffic.UploadAsync(uploader, GatewayFixture.Study, parquet);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        // Read on until the gateway serves the last upload, however long a loaded machine takes to get there.
        await WaitForVersionAsync(viewer, last);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await reading.CancelAsync();
        var dashboards = (await Task.WhenAll(readers)).SelectMany(read => read).ToList();

        var aeVersions = dashboards.Select(items => items.Take(widgets.Count).Select(item => item.GetProperty("metadata").GetProperty("dataVersion").GetString()).ToHashSet()).ToList();
        output.WriteLine($"{dashboards.Count} dashboards of {widgets.Count + 1} widgets, {aeVersions.SelectMany(versions => versions).Distinct().Count()} AE versions seen");
        Assert.All(aeVersions, versions => Assert.True(versions.Count == 1, $"one dashboard showed AE versions {string.Join(", ", versions)}"));
        Assert.True(aeVersions.Select(versions => versions.Single()).Distinct().Count() >= 2, "the dashboards never saw a version change");
    }

    private static async Task WaitForVersionAsync(HttpClient viewer, string version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await WidgetResponse.GetAsync(viewer, $"/api/studies/{GatewayFixture.Study}/widgets/ae-total/data")).DataVersion != version)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the gateway did not serve version {version} within 30 s");
            await Task.Delay(100);
        }
    }

    private static async Task<List<JsonElement[]>> ReadUntilCancelledAsync(HttpClient viewer, object body, CancellationToken uploading)
    {
        var dashboards = new List<JsonElement[]>();
        while (!uploading.IsCancellationRequested)
        {
            using var response = await viewer.PostAsJsonAsync(new Uri($"/api/studies/{GatewayFixture.Study}/dashboard", UriKind.Relative), body, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            dashboards.Add([.. (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).EnumerateArray()]);
        }

        return dashboards;
    }
}
