using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.Freshness;

/// <summary>An upload through the API, end to end: invalidation, gateways on the new version, the warmer ahead of the users.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class UploadToFreshTests(GatewayFixture platform)
{
    /// <summary>
    /// A size no other test uploads: the answer before may be another test's upload, and two uploads of one size could give
    /// the same serious-events breakdown by chance; of different sizes, their counts are far apart.
    /// </summary>
    private const int UploadRows = 12_000;

    [Fact]
    public async Task AfterAnUploadDashboardsHearOfItAndTheFirstRequestOfAnActiveCombinationIsAHitOnTheNewVersion()
    {
        using var viewer = platform.Replica(0, platform.Host.DevTokens.Viewer);
        using var otherReplica = platform.Replica(1, platform.Host.DevTokens.Viewer);
        using var uploader = platform.Replica(0, platform.Host.DevTokens.Uploader);
        var path = $"/api/studies/{GatewayFixture.Study}/widgets/ae-by-severity/data?{UniqueRanges.NextWide()}&f.serious=true";
        var before = await WidgetResponse.GetAsync(viewer, path);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the gateway records active combinations every second
        await using var events = await StudyEventListener.OpenAsync(otherReplica, GatewayFixture.Study);

        using var upload = await uploader.PutAsync(
            new Uri($"/api/studies/{GatewayFixture.Study}/datasets/AE?layer=source", UriKind.Relative), new ByteArrayContent(await DemoDataGenerator.AdverseEventsUploadAsync(UploadRows, Random.Shared.Next())));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var version = (await upload.Content.ReadFromJsonAsync<UploadAnswer>())!.Version;

        var heard = await events.EachAsync(
            new Dictionary<string, Func<JsonElement, bool>>
            {
                ["version-changed"] = data => data.GetProperty("currentVersion").GetString() == version,
                ["fresh-data"] = _ => true,
            },
            TimeSpan.FromSeconds(30));
        var (changed, fresh) = (heard["version-changed"], heard["fresh-data"]);
        var after = await WidgetResponse.GetAsync(viewer, path);

        Assert.Contains("AE", changed.GetProperty("datasets").EnumerateArray().Select(dataset => dataset.GetString()));
        Assert.Contains("ae-by-severity", changed.GetProperty("widgetIds").EnumerateArray().Select(widget => widget.GetString()));
        Assert.True(fresh.GetProperty("entriesWarmed").GetInt32() >= 1);
        Assert.Equal(version, after.DataVersion);
        Assert.NotEqual(before.DataVersion, after.DataVersion);
        Assert.Equal("hit", after.Cache);
        Assert.NotEqual(before.Data, after.Data);
    }

    private sealed record UploadAnswer(string Version);
}
