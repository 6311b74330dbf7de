using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Auth;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Freshness;
using WidgetPlatform.IntegrationTests.Gateway;
using Xunit.Abstractions;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>
/// Two warmer replicas consume one queue per message type, and every warm message concerns one study: each study's warm is
/// done by one of them, so work on several studies is shared out between the replicas, and the stampede lock keeps every
/// key to one computation across both.
/// </summary>
[Collection(WarmerReplicasPlatform.Name)]
public sealed class WorkSplitTests(WarmerReplicasFixture platform, ITestOutputHelper output)
{
    private const int Studies = 4;
    private const int WindowsPerStudy = 25;

    [Fact]
    public async Task UploadsToSeveralStudiesAreWarmedByBothReplicasAndEachKeyIsComputedOnce()
    {
        using var viewer = platform.Gateway(PlatformRoles.Viewer);
        using var uploader = platform.Gateway(PlatformRoles.Uploader);
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var studies = await Task.WhenAll(Enumerable.Range(0, Studies).Select(_ => platform.WriteStudyAsync()));
        var paths = studies.ToDictionary(study => study, Combinations);
        foreach (var (study, studyPaths) in paths)
        {
            Assert.All(await StudyTraffic.RequestAllAsync(viewer, studyPaths), response => Assert.Equal(HttpStatusCode.OK, response.Status));
            await StudyTraffic.WaitUntilActiveAsync(redis.GetDatabase(), study, studyPaths.Length);
        }

        var uploads = await Task.WhenAll(studies.Select(_ => DemoDataGenerator.AdverseEventsUploadAsync(2_000, Random.Shared.Next())));
        var listeners = await Task.WhenAll(studies.Select(study => StudyEventListener.OpenAsync(viewer, study)));
        var before = await ReplicaCounters.ReadAsync(redis, WarmerReplicasFixture.Service, WarmerReplicasFixture.Replicas, DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        string[] versions;
        JsonElement[] warmed;
        try
        {
            versions = await Task.WhenAll(studies.Zip(uploads, (study, upload) => StudyTraffic.UploadAsync(uploader, study, upload)));
            warmed = await Task.WhenAll(listeners.Select(listener => listener.NextAsync(name => name == "fresh-data", _ => true, TimeSpan.FromSeconds(60))));
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }

        var warmTime = clock.ElapsedMilliseconds;
        var after = await ReplicaCounters.ReadAsync(redis, WarmerReplicasFixture.Service, WarmerReplicasFixture.Replicas, DateTimeOffset.UtcNow);
        var answers = new Dictionary<string, WidgetResponse[]>();
        foreach (var (study, studyPaths) in paths)
        {
            answers[study] = await StudyTraffic.RequestAllAsync(viewer, studyPaths);
        }

        var computed = after.ToDictionary(replica => replica.Key, replica => replica.Value.Computations - before[replica.Key].Computations);
        var runs = after.ToDictionary(replica => replica.Key, replica => replica.Value.WarmingRuns - before[replica.Key].WarmingRuns);
        output.WriteLine($"{paths.Values.Sum(studyPaths => studyPaths.Length)} combinations over {Studies} studies warmed {warmTime} ms after the uploads began");
        output.WriteLine(string.Join("; ", computed.Select(replica => $"{replica.Key}: {runs[replica.Key]} studies, {replica.Value} computations")));
        output.WriteLine(string.Join("; ", warmed.Select(data => data.GetRawText())));

        Assert.All(studies.Zip(versions), study => Assert.All(answers[study.First], response =>
        {
            Assert.Equal("hit", response.Cache);
            Assert.Equal(study.Second, response.DataVersion);
        }));

        // Every key is new with its upload, so each took at least one computation: as many as there are keys means one each.
        Assert.Equal(paths.Values.Sum(studyPaths => studyPaths.Length), computed.Values.Sum());

        // One warm per invalidation: a study warmed by both replicas (a fan-out) would count twice, even with nothing recomputed.
        Assert.Equal(Studies, runs.Values.Sum());
        Assert.All(computed, replica => Assert.True(replica.Value > 0, $"{replica.Key} computed nothing: {string.Join(", ", computed)}"));
    }

    [Fact]
    public async Task AWarmOfEveryStudyIsSharedOutBetweenBothReplicasAndWarmsEachStudyOnce()
    {
        using var admin = platform.Gateway(PlatformRoles.Admin);
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        await Task.WhenAll(Enumerable.Range(0, Studies).Select(_ => platform.WriteStudyAsync()));
        var studies = (await admin.GetFromJsonAsync<string[]>(new Uri("/api/studies", UriKind.Relative)))!;
        var listeners = await Task.WhenAll(studies.Select(study => StudyEventListener.OpenAsync(admin, study)));
        var before = await ReplicaCounters.ReadAsync(redis, WarmerReplicasFixture.Service, WarmerReplicasFixture.Replicas, DateTimeOffset.UtcNow);
        try
        {
            // Forced, so that every study has entries to compute whichever replica warms it.
            using var warmup = await admin.PostAsJsonAsync(new Uri("/api/cache/warmups", UriKind.Relative), new { force = true });
            Assert.Equal(HttpStatusCode.Accepted, warmup.StatusCode);
            await Task.WhenAll(listeners.Select(listener => listener.NextAsync(name => name == "fresh-data", _ => true, TimeSpan.FromSeconds(60))));
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }

        // A study's fresh-data may come from a warm that was still running for an earlier test: the counters say when all are done.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Dictionary<string, long> runs;
        Dictionary<string, long> computed;
        do
        {
            var after = await ReplicaCounters.ReadAsync(redis, WarmerReplicasFixture.Service, WarmerReplicasFixture.Replicas, DateTimeOffset.UtcNow);
            runs = after.ToDictionary(replica => replica.Key, replica => replica.Value.WarmingRuns - before[replica.Key].WarmingRuns);
            computed = after.ToDictionary(replica => replica.Key, replica => replica.Value.Computations - before[replica.Key].Computations);
        }
        while (runs.Values.Sum() < studies.Length && DateTime.UtcNow < deadline);

        output.WriteLine(string.Join("; ", runs.Select(replica => $"{replica.Key}: {replica.Value} of {studies.Length} studies, {computed[replica.Key]} computations")));

        Assert.Equal(studies.Length, runs.Values.Sum());
        Assert.All(runs, replica => Assert.True(replica.Value > 0, $"{replica.Key} warmed no study: {string.Join(", ", runs)}"));
    }

    /// <summary>
    /// What the warmer covers after an AE upload: date windows of a widget users asked for, and the priority widgets reading
    /// AE, asked for unfiltered so that the warm's targets and these paths are one and the same set.
    /// </summary>
    private static string[] Combinations(string study) =>
    [
        .. Enumerable.Range(0, WindowsPerStudy).Select(index => new DateOnly(2023, 2, 1).AddDays(index * 7)).Select(start =>
            $"/api/studies/{study}/widgets/ae-total/data?from={start:yyyy-MM-dd}&to={start.AddDays(6):yyyy-MM-dd}"),
        .. DemoWidgets.All().Where(widget => widget.Priority && widget.Dataset == DemoDataGenerator.AdverseEvents).Select(widget =>
            $"/api/studies/{study}/widgets/{widget.WidgetId}/data"),
    ];
}
