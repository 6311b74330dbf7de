extern alias invalidation;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Gateway;
using WidgetPlatform.IntegrationTests.WarmerReplicas;
using invalidation::WidgetPlatform.Invalidation.Manifests;

namespace WidgetPlatform.IntegrationTests.Freshness;

/// <summary>The path from an upload's 202 to <c>version-changed</c> (docs/cache.md, "The event path"): measured, and announced before the disk.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class EventPathTests(GatewayFixture platform)
{
    [Fact]
    public async Task EveryStepOfAnUploadsEventPathIsCountedInTheFleetStatistics()
    {
        using var admin = platform.Replica(0);
        var before = await StepCountsAsync(admin);

        var version = await UploadAndHearAsync();

        Assert.False(string.IsNullOrEmpty(version));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyDictionary<string, long> after;
        do
        {
            await Task.Delay(500); // every process publishes its counters each second
            after = await StepCountsAsync(admin);
        }
        while (EventPathStep.All.Any(step => after.GetValueOrDefault(step) <= before.GetValueOrDefault(step)) && DateTime.UtcNow < deadline);

        Assert.All(EventPathStep.All, step => Assert.True(
            after.GetValueOrDefault(step) > before.GetValueOrDefault(step), $"{step}: {before.GetValueOrDefault(step)} before, {after.GetValueOrDefault(step)} after"));
    }

    [Fact]
    public async Task AClientThatHeardVersionChangedFindsThatVersionInTheManifest()
    {
        using var viewer = platform.Replica(1, platform.Host.DevTokens.Viewer);

        var version = await UploadAndHearAsync();
        using var manifest = await viewer.GetAsync(new Uri($"/api/studies/{GatewayFixture.Study}/manifest", UriKind.Relative));

        var body = await manifest.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version, body.GetProperty("datasets").GetProperty("source").GetProperty("AE").GetString());
    }

    [Fact]
    public async Task TheManifestEndpointShowsTheMirrorsVersionsAheadOfTheFile()
    {
        var study = $"MIRROR-ONLY-{Guid.NewGuid():N}"[..24];
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        using var admin = platform.Replica(0);
        try
        {
            using var unknown = await admin.GetAsync(new Uri($"/api/studies/{study}/manifest", UriKind.Relative));
            await new ManifestMirrorWriter(redis).AdvanceAsync(study, DatasetLayer.Source, ["AE"], "2030-01-02-030405");
            using var mirrored = await admin.GetAsync(new Uri($"/api/studies/{study}/manifest", UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(HttpStatusCode.OK, mirrored.StatusCode);
            var body = await mirrored.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("2030-01-02-030405", body.GetProperty("datasets").GetProperty("source").GetProperty("AE").GetString());
            Assert.Equal("2030-01-02-030405", body.GetProperty("current_version").GetProperty("source_data").GetString());
        }
        finally
        {
            await redis.GetDatabase().KeyDeleteAsync(Caching.Keys.RedisKeys.Manifest(study));
            await redis.GetDatabase().SetRemoveAsync(Caching.Keys.RedisKeys.Studies, study);
        }
    }

    /// <summary>Uploads a small AE version and returns it once replica 0 announced it on its event stream.</summary>
    private async Task<string> UploadAndHearAsync()
    {
        using var listener = platform.Replica(0, platform.Host.DevTokens.Viewer);
        using var uploader = platform.Replica(0, platform.Host.DevTokens.Uploader);
        await using var events = await StudyEventListener.OpenAsync(listener, GatewayFixture.Study);
        var version = await StudyTraffic.UploadAsync(uploader, GatewayFixture.Study, await DemoDataGenerator.AdverseEventsUploadAsync(2_000, Random.Shared.Next()));
        await events.NextAsync(name => name == "version-changed", data => data.GetProperty("currentVersion").GetString() == version, TimeSpan.FromSeconds(20));
        return version;
    }

    private static async Task<IReadOnlyDictionary<string, long>> StepCountsAsync(HttpClient admin)
    {
        var stats = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/cache/stats", UriKind.Relative));
        return stats.GetProperty("eventPath").EnumerateArray()
            .ToDictionary(step => step.GetProperty("step").GetString()!, step => step.GetProperty("count").GetInt64());
    }
}
