using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.IntegrationTests.Gateway;
using WidgetPlatform.IntegrationTests.Invalidation;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>Alerts that evaluate themselves (docs/cache.md, "Alerts"): fired and cleared by their conditions, seen everywhere.</summary>
[Collection(OperationsPlatform.Name)]
public sealed class AlertTests(OperationsFixture platform)
{
    private const string DataPath = $"api/studies/{OperationsFixture.Study}/widgets/ae-weekly-serious/data";

    [Fact]
    public async Task TheHitRateAlertFiresOnItsConditionAndClearsAfterIt()
    {
        using var client = platform.Admin();
        await AWindowOfItsOwnAsync(client, "hit-rate");
        var firedBefore = Fired();

        // 10 ranges nobody asked before: misses, which take the 10-s window's hit rate under 90%.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("miss", (await WidgetResponse.GetAsync(client, $"{DataPath}?{UniqueRanges.Next()}")).Cache);
        }

        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => firing.Contains("hit-rate"), "hit-rate fired");
        var degraded = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        var status = await OperatorApi.JsonAsync(client, "api/cache/stats");

        // Several evaluations while it fires: it is logged once all the same.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var firedWhileFiring = Fired() - firedBefore;

        await HitsAsync(client, $"{DataPath}?{UniqueRanges.Next()}");
        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => !firing.Contains("hit-rate"), "hit-rate cleared");
        await Eventually.UntilAsync(
            () => Task.FromResult(platform.Host.ConsoleLines("query")),
            console => console.Any(line => line.Contains("Alert hit-rate cleared", StringComparison.Ordinal)),
            "the clearing logged");

        Assert.Equal("Degraded", degraded);
        Assert.Contains(status.GetProperty("alerts").EnumerateArray(), alert => alert.GetString()!.StartsWith("Hit rate", StringComparison.Ordinal));
        Assert.Equal(1, firedWhileFiring);
    }

    [Fact]
    public async Task TheErrorQueueAlertFiresOnAPoisonMessageAndClearsOnceTheQueueIsEmptied()
    {
        using var client = platform.Viewer();
        await using var probe = await InvalidationProbe.StartAsync(platform.Host);
        var marker = Guid.NewGuid().ToString("N");

        await probe.PublishRawAsync("WidgetPlatform.Contracts:DataUploaded", $$"""{"studyId":"{{OperationsFixture.Study}}","marker":"{{marker}}", oops""");
        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => firing.Contains("error-queue"), "error-queue fired", seconds: 60);
        await probe.ErrorAsync("invalidation-data-uploaded_error", marker);

        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => !firing.Contains("error-queue"), "error-queue cleared");
    }

    [Fact]
    public async Task TheWarmerLagAlertFiresWhileTheWarmerIsDownAndClearsWhenItCatchesUp()
    {
        using var admin = platform.Admin();
        await platform.Host.StopAsync("warmer");
        await platform.Host.WaitForAsync("warmer", instance => !instance.IsRunning, TimeSpan.FromSeconds(60));
        try
        {
            using var invalidation = await admin.PostAsJsonAsync(
                new Uri("api/cache/invalidations", UriKind.Relative), new { studyId = OperationsFixture.Study, widgetIds = new[] { "ae-total" } });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, invalidation.StatusCode);

            await Eventually.UntilAsync(() => OperatorApi.FiringAsync(admin), firing => firing.Contains("warmer-lag"), "warmer-lag fired", seconds: 40);
        }
        finally
        {
            await platform.Host.StartAsync("warmer");
            await platform.Host.WaitForAsync("warmer", instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(60));
        }

        // The invalidation waited in the warmer's queue: once back, the warmer warms the study and says so.
        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(admin), firing => !firing.Contains("warmer-lag"), "warmer-lag cleared", seconds: 60);
    }

    [Fact]
    public async Task TheLockFailureAndLatencyAlertsFireOnALockHeldPastItsTimeoutAndClearAfterIt()
    {
        using var client = platform.Admin();
        await AWindowOfItsOwnAsync(client, "lock-failures", "p95-latency");
        var (from, to) = (new DateOnly(2023, 3, 1).AddDays(Random.Shared.Next(0, 300)), new DateOnly(2024, 6, 30));
        var path = $"{DataPath}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        // A holder that never finishes: the request waits the lock timeout (4 s here) and its grace, then answers uncached.
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var request = await library.Get<WidgetRequests>().ResolveAsync(
            OperationsFixture.Study, "ae-weekly-serious", new WidgetQuery { From = from, To = to });
        var redis = library.Get<IConnectionMultiplexer>().GetDatabase();
        await redis.StringSetAsync(RedisKeys.Lock(request.Key), "a-holder-that-died", TimeSpan.FromMinutes(1));
        WidgetResponse slow;
        try
        {
            slow = await WidgetResponse.GetAsync(client, path);
        }
        finally
        {
            await redis.KeyDeleteAsync(RedisKeys.Lock(request.Key));
        }

        // The window needs 5 answers before latency is judged; the slow one is its p95.
        await HitsAsync(client, $"{DataPath}?{UniqueRanges.Next()}", count: 4);
        var fired = await Eventually.UntilAsync(
            () => OperatorApi.FiringAsync(client), firing => firing.Contains("lock-failures") && firing.Contains("p95-latency"), "both fired");

        await Eventually.UntilAsync(
            () => OperatorApi.FiringAsync(client), firing => !firing.Contains("lock-failures") && !firing.Contains("p95-latency"), "both cleared", seconds: 40);
        Assert.Equal(request.Key.Value, slow.Key);
        Assert.Equal("bypass", slow.Cache);
    }

    [Fact]
    public async Task TheErrorRateAlertFiresOnServerErrorsAndClearsAfterThem()
    {
        using var client = platform.Admin();
        await AWindowOfItsOwnAsync(client, "error-rate");

        // A study whose data files were damaged after it was written: its answers are server errors (500, "A data file
        // could not be read"), a study next to it is served as ever.
        var studyId = $"DAMAGED-{Guid.NewGuid():N}"[..16];
        var store = new DataStore(platform.Host.DataDirectory);
        await DemoDataGenerator.WriteStudyAsync(store, studyId, new DemoDataOptions { AdverseEventRows = 2_000 }, DateTime.UtcNow);
        foreach (var file in store.ResolveDataset(studyId, DatasetLayer.Source, "AE").Files)
        {
            await File.WriteAllTextAsync(file, "not parquet");
        }

        using var failed = await client.GetAsync(new Uri($"api/studies/{studyId}/widgets/ae-total/data", UriKind.Relative));
        await HitsAsync(client, $"{DataPath}?{UniqueRanges.Next()}", count: 9);
        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => firing.Contains("error-rate"), "error-rate fired");

        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => !firing.Contains("error-rate"), "error-rate cleared", seconds: 40);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Waits until other tests' answers have left the 10-s window (10 to 15 s of 5-s buckets), so that it judges this test's
    /// alone, and until <paramref name="alerts"/> are clear to begin with.
    /// </summary>
    private static async Task AWindowOfItsOwnAsync(HttpClient client, params string[] alerts)
    {
        await Task.Delay(TimeSpan.FromSeconds(16));
        await Eventually.UntilAsync(
            () => OperatorApi.FiringAsync(client), firing => !alerts.Any(firing.Contains), $"{string.Join(", ", alerts)} clear to begin with");
    }

    /// <summary>A first request, then 200 hits on its answer (enough to lift the 10-s window's hit rate over 90% after a burst of misses), or as many as asked.</summary>
    private static async Task HitsAsync(HttpClient client, string path, int count = 200)
    {
        await WidgetResponse.GetAsync(client, path);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            Assert.Equal("hit", (await WidgetResponse.GetAsync(client, path)).Cache));
    }

    private int Fired() => platform.Host.ConsoleLines("query").Count(line => line.Contains("Alert hit-rate fired", StringComparison.Ordinal));

    [Fact]
    public async Task TheAlertsReportShowsTheThresholdsInForce()
    {
        using var client = platform.Viewer();

        var report = await OperatorApi.JsonAsync(client, "api/cache/alerts");

        var thresholds = report.GetProperty("thresholds");
        Assert.Equal("00:00:10", thresholds.GetProperty("window").GetString());
        Assert.Equal(0.9, thresholds.GetProperty("hitRateBelow").GetDouble());
        Assert.Equal(5, thresholds.GetProperty("minimumRequests").GetInt32());
        Assert.True(report.TryGetProperty("evaluatedAt", out _));
    }
}
