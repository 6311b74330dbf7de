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

        // Each reader has one dashboard from before the uploads and ends with one begun after the gateway served the last,
        // however slowly a loaded machine answers: the versions they saw then span the change.
        var served = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 3).Select(_ => new DashboardReader()).ToArray();
        var reading = readers.Select(reader => reader.ReadAsync(viewer, body, served.Task)).ToArray();
        await Task.WhenAll(readers.Select(reader => reader.FirstRead));
        var last = "";
        foreach (var parquet in parquets)
        {
            last = await StudyTraffic.UploadAsync(uploader, GatewayFixture.Study, parquet);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        await WaitForVersionAsync(viewer, last);
        served.SetResult();
        var dashboards = (await Task.WhenAll(reading)).SelectMany(read => read).ToList();

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

    /// <summary>Reads dashboards in a loop until one that began after the last version was served.</summary>
    private sealed class DashboardReader
    {
        private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstRead => _firstRead.Task;

        public async Task<List<JsonElement[]>> ReadAsync(HttpClient viewer, object body, Task served)
        {
            var dashboards = new List<JsonElement[]>();
            try
            {
                while (true)
                {
                    var beganAfterServed = served.IsCompleted;
                    using var response = await viewer.PostAsJsonAsync(new Uri($"/api/studies/{GatewayFixture.Study}/dashboard", UriKind.Relative), body);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    dashboards.Add([.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()]);
                    _firstRead.TrySetResult();
                    if (beganAfterServed)
                    {
                        return dashboards;
                    }
                }
            }
            catch (Exception exception)
            {
                // Nobody waits on a first read that will never come.
                _firstRead.TrySetException(exception);
                throw;
            }
        }
    }
}
