using System.Net;
using System.Net.Http.Json;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>Statistics per widget over time, kept in Redis (docs/cache.md, "Statistics over time").</summary>
[Collection(OperationsPlatform.Name)]
public sealed class WidgetStatisticsTests(OperationsFixture platform)
{
    private const string Study = OperationsFixture.Study;
    private const string Widget = "ae-top-severe-terms";
    private const string DataPath = $"api/studies/{Study}/widgets/{Widget}/data";

    [Fact]
    public async Task PerWidgetCountsMatchAScriptedSequenceExactlyAndSurviveAGatewayRestart()
    {
        using var client = platform.Admin();
        var before = await SettledAsync(client);

        // 3 misses, 5 hits, 2 conditional requests answered 304 (a hit the browser already had).
        string[] ranges = [UniqueRanges.Next(), UniqueRanges.Next(), UniqueRanges.Next()];
        foreach (var range in ranges)
        {
            Assert.Equal("miss", (await WidgetResponse.GetAsync(client, $"{DataPath}?{range}")).Cache);
        }

        WidgetResponse hit = null!;
        for (var i = 0; i < 5; i++)
        {
            hit = await WidgetResponse.GetAsync(client, $"{DataPath}?{ranges[0]}");
            Assert.Equal("hit", hit.Cache);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await WidgetResponse.GetAsync(client, $"{DataPath}?{ranges[0]}", hit.EntityTag)).Status);
        }

        var after = await Eventually.UntilAsync(
            () => OperatorApi.SinceStartAsync(client, Study, Widget), counts => counts.Requests >= before.Requests + 10, "10 answers counted");
        var fleet = await OperatorApi.JsonAsync(client, "api/cache/stats");

        Assert.Equal(before with { Requests = before.Requests + 10, Hit = before.Hit + 7, Miss = before.Miss + 3 }, after);
        Assert.True(fleet.GetProperty("traffic").GetProperty("lastMinute").GetProperty("requests").GetInt64() >= 10, fleet.ToString());

        await platform.Host.StopAsync("query");
        await platform.Host.WaitForAsync("query", instance => !instance.IsRunning, TimeSpan.FromSeconds(60));
        await platform.Host.StartAsync("query");
        await platform.Host.WaitForAsync("query", instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(60));
        using var restarted = platform.Admin();

        Assert.Equal(after, await OperatorApi.SinceStartAsync(restarted, Study, Widget));
    }

    [Fact]
    public async Task TheStudysStatisticsCarryItsWidgetsTrafficAndItsInvalidations()
    {
        using var client = platform.Admin();
        Assert.Equal("miss", (await WidgetResponse.GetAsync(client, $"{DataPath}?{UniqueRanges.Next()}")).Cache);
        using var invalidation = await client.PostAsJsonAsync(new Uri("api/cache/invalidations", UriKind.Relative), new { studyId = Study, widgetIds = new[] { "ae-serious" } });
        Assert.Equal(HttpStatusCode.Accepted, invalidation.StatusCode);

        var study = await Eventually.UntilAsync(
            () => OperatorApi.JsonAsync(client, $"api/cache/studies/{Study}/stats"),
            stats => stats.GetProperty("invalidationsLastHour").GetInt64() > 0 && stats.GetProperty("traffic").GetProperty("lastMinute").GetProperty("requests").GetInt64() > 0,
            "the invalidation and the request in the study's statistics");

        var widget = study.GetProperty("widgets").EnumerateArray().Single(widget => widget.GetProperty("widgetId").GetString() == Widget);
        Assert.True(widget.GetProperty("traffic").GetProperty("last5Minutes").GetProperty("miss").GetInt64() >= 1, widget.ToString());
        Assert.True(widget.GetProperty("cachedEntries").GetInt64() >= 1, widget.ToString());
        Assert.True(widget.GetProperty("entryMemoryBytes").GetInt64() > 0, widget.ToString());
        Assert.True(study.GetProperty("lastInvalidationAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1), study.ToString());
    }

    [Fact]
    public async Task AStudyThatDoesNotExistHasNoStatisticsButA404()
    {
        // Found by the fault suite's hostile input (issue 18): any well-formed name was answered 200 with empty figures.
        using var client = platform.Admin();

        using var response = await client.GetAsync(new Uri("api/cache/studies/NO-SUCH-STUDY/stats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The widget's counts once nothing is on its way: two reads a flush and more apart agree.</summary>
    private static Task<OperatorApi.Counts> SettledAsync(HttpClient client) =>
        Eventually.SettledAsync(() => OperatorApi.SinceStartAsync(client, Study, Widget), TimeSpan.FromSeconds(1.5));
}
