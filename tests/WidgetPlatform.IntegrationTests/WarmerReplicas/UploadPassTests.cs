using System.Net;
using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Auth;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Freshness;
using Xunit.Abstractions;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>
/// Issue 15, one pass per upload, across the real processes: the warmer scans a new version once for every widget and
/// combination it serves, and the daily partials it built answer the gateway's next range without a scan.
/// </summary>
[Collection(WarmerReplicasPlatform.Name)]
public sealed class UploadPassTests(WarmerReplicasFixture platform, ITestOutputHelper output)
{
    private const string Gateway = "query";

    [Fact]
    public async Task AnUploadIsScannedOnceForEveryWidgetAndCombinationItServesAndEachIsThenAHit()
    {
        var (study, viewer, redis) = await StudyAsync();
        var widgets = await StudyWidgets.IdsAsync(viewer, study, DemoDataGenerator.AdverseEvents);
        string[] paths = [.. widgets.SelectMany(widget => new[] { "", "?f.site=S01", "?f.site=S02&f.severity=MILD" }.Select(filter => $"/api/studies/{study}/widgets/{widget}/data{filter}"))];
        Assert.All(await StudyTraffic.RequestAllAsync(viewer, paths), response => Assert.Equal(HttpStatusCode.OK, response.Status));
        await StudyTraffic.WaitUntilActiveAsync(redis.GetDatabase(), study, paths.Length);

        var (version, before, after) = await UploadAndWaitForTheWarmAsync(study, redis);
        var answers = await StudyTraffic.RequestAllAsync(viewer, paths);
        var claimedAhead = await ClaimedAheadAsync(redis.GetDatabase(), study, version);

        var scans = Sum(after, counters => counters.Scans) - Sum(before, counters => counters.Scans);
        var computed = Sum(after, counters => counters.Computations) - Sum(before, counters => counters.Computations);
        output.WriteLine($"{widgets.Count} AE widgets, {paths.Length} combinations: {computed} computed in {scans} scans");
        Assert.All(answers, answer =>
        {
            Assert.True("hit" == answer.Cache, $"{answer.Key}: {answer.Cache}");
            Assert.Equal(version, answer.DataVersion);
        });
        Assert.Equal(1, scans);
        Assert.Equal(paths.Length, computed);
        Assert.True(claimedAhead, "no warmer claimed the version's pass ahead of its announcement");
    }

    [Fact]
    public async Task ARangeNobodyComputedIsAnsweredByTheGatewayFromThePartialsTheWarmerBuiltWithoutAScan()
    {
        var (study, viewer, redis) = await StudyAsync();
        string[] warmed = [$"/api/studies/{study}/widgets/ae-daily/data", $"/api/studies/{study}/widgets/ae-dose-by-term/data?f.site=S02"];
        await StudyTraffic.RequestAllAsync(viewer, warmed);
        await StudyTraffic.WaitUntilActiveAsync(redis.GetDatabase(), study, warmed.Length);
        var (version, warmersBefore, warmersAfter) = await UploadAndWaitForTheWarmAsync(study, redis);

        var gatewayBefore = await ReplicaCounters.ReadAsync(redis, Gateway, 1, DateTimeOffset.UtcNow);
        var ranges = await StudyTraffic.RequestAllAsync(viewer, [$"{warmed[0]}?from=2023-03-01&to=2023-03-31", $"{warmed[1]}&from=2023-05-01&to=2023-06-30"]);
        var gatewayAfter = await ReplicaCounters.ReadAsync(redis, Gateway, 1, DateTimeOffset.UtcNow);

        Assert.All(ranges, answer =>
        {
            Assert.Equal("miss", answer.Cache);
            Assert.Equal(version, answer.DataVersion);
            Assert.Equal(0, answer.Metadata.GetProperty("rowsProcessed").GetInt64());
        });
        Assert.True(Sum(warmersAfter, counters => counters.PartialsBuilt) - Sum(warmersBefore, counters => counters.PartialsBuilt) >= warmed.Length);
        Assert.Equal(0, Sum(gatewayAfter, counters => counters.Scans) - Sum(gatewayBefore, counters => counters.Scans));
        Assert.Equal(2, Sum(gatewayAfter, counters => counters.PartialsShared) - Sum(gatewayBefore, counters => counters.PartialsShared));
    }

    private async Task<(string Study, HttpClient Viewer, ConnectionMultiplexer Redis)> StudyAsync() =>
        (await platform.WriteStudyAsync(), platform.Gateway(PlatformRoles.Viewer), await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache")));

    /// <summary>Uploads AE and returns once the warm it caused has been announced, with both warmers' counters around it.</summary>
    private async Task<(string Version, IReadOnlyDictionary<string, CounterSnapshot> Before, IReadOnlyDictionary<string, CounterSnapshot> After)> UploadAndWaitForTheWarmAsync(
        string study, IConnectionMultiplexer redis)
    {
        using var uploader = platform.Gateway(PlatformRoles.Uploader);
        using var viewer = platform.Gateway(PlatformRoles.Viewer);
        var parquet = await DemoDataGenerator.AdverseEventsUploadAsync(3_000, Random.Shared.Next());
        var before = await ReplicaCounters.ReadAsync(redis, WarmerReplicasFixture.Service, WarmerReplicasFixture.Replicas, DateTimeOffset.UtcNow);
        await using var events = await StudyEventListener.OpenAsync(viewer, study);
        var version = await StudyTraffic.UploadAsync(uploader, study, parquet);
        await events.NextAsync(name => name == "fresh-data", _ => true, TimeSpan.FromSeconds(60));
        var after = await ReplicaCounters.ReadAsync(redis, WarmerReplicasFixture.Service, WarmerReplicasFixture.Replicas, DateTimeOffset.UtcNow);
        return (version, before, after);
    }

    /// <summary>Whether a warmer heard the upload itself and claimed its pass ahead (the claim is sent behind its locks, so allow it a moment).</summary>
    private static async Task<bool> ClaimedAheadAsync(IDatabase redis, string study, string version)
    {
        var claim = RedisKeys.PendingPass(study, DatasetLayer.Source, DemoDataGenerator.AdverseEvents);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await redis.StringGetAsync(claim) == PendingPasses.ClaimedPrefix + version)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    private static long Sum(IReadOnlyDictionary<string, CounterSnapshot> replicas, Func<CounterSnapshot, long> figure) => replicas.Values.Sum(figure);
}
