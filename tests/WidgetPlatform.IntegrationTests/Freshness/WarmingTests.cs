using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Gateway;
using Xunit.Abstractions;

namespace WidgetPlatform.IntegrationTests.Freshness;

[Collection(GatewayPlatform.Name)]
public sealed class WarmingTests(GatewayFixture platform, ITestOutputHelper output)
{
    private const int Combinations = 500;

    [Fact]
    public async Task WarmingFiveHundredCombinationsComputesEachKeyOnceDespiteABurstOfUsers()
    {
        using var viewer = platform.Replica(0, platform.Host.DevTokens.Viewer);
        using var otherReplica = platform.Replica(1, platform.Host.DevTokens.Viewer);
        using var uploader = platform.Replica(1, platform.Host.DevTokens.Uploader);
        var paths = Enumerable.Range(0, Combinations)
            .Select(index => $"/api/studies/{GatewayFixture.Study}/widgets/ae-total/data?from={new DateOnly(2023, 1, 1).AddDays(index):yyyy-MM-dd}&to={new DateOnly(2023, 1, 1).AddDays(index + 6):yyyy-MM-dd}&f.site=S03")
            .ToArray();
        await ForEachAsync(paths, path => WidgetResponse.GetAsync(viewer, path));
        var active = await ActiveCombinationsAsync(atLeast: Combinations);
        var computationsBefore = await ComputationsAsync(viewer, atLeast: 0);
        // Two streams of the same events: the warmer's report can reach the gateway before the announcement does (they
        // travel separate queues), and one stream read for the announcement would pass the report over.
        await using var announcements = await StudyEventListener.OpenAsync(otherReplica, GatewayFixture.Study);
        await using var reports = await StudyEventListener.OpenAsync(otherReplica, GatewayFixture.Study);
        // The replica read afterwards hears of the version on its own queue, which may lag the other's on a loaded machine:
        // until it has, it still answers the version before.
        await using var viewerAnnouncements = await StudyEventListener.OpenAsync(viewer, GatewayFixture.Study);

        var clock = Stopwatch.StartNew();
        var uploadedAt = DateTimeOffset.UtcNow;
        using var upload = await uploader.PutAsync(
            new Uri($"/api/studies/{GatewayFixture.Study}/datasets/AE?layer=source", UriKind.Relative), new ByteArrayContent(await DemoDataGenerator.AdverseEventsUploadAsync(5_000, Random.Shared.Next())));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var version = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        await announcements.NextAsync(name => name == "version-changed", data => data.GetProperty("currentVersion").GetString() == version, TimeSpan.FromSeconds(20));
        var burst = await ForEachAsync(paths, path => WidgetResponse.GetAsync(otherReplica, path));
        await FreshDataAsync(reports, since: uploadedAt);
        await viewerAnnouncements.NextAsync(name => name == "version-changed", data => data.GetProperty("currentVersion").GetString() == version, TimeSpan.FromSeconds(20));
        output.WriteLine($"upload → {Combinations} active combinations warmed: {clock.ElapsedMilliseconds} ms");
        var afterwards = await ForEachAsync(paths, path => WidgetResponse.GetAsync(viewer, path));
        var computed = await ComputationsAsync(viewer, atLeast: computationsBefore + Combinations) - computationsBefore;

        Assert.All(burst, response => Assert.Equal(version, response.DataVersion));
        Assert.All(afterwards, response => Assert.Equal("hit", response.Cache));
        Assert.All(burst.Zip(afterwards), pair => Assert.True(
            pair.First.CalculatedAt == pair.Second.CalculatedAt,
            $"{pair.First.Key} computed twice: {pair.First.Cache} at {pair.First.CalculatedAt}, then {pair.Second.Cache} at {pair.Second.CalculatedAt}"));
        Assert.InRange(computed, Combinations, active + DemoPriorityWidgets);
    }

    private const int DemoPriorityWidgets = 2;

    /// <summary>
    /// The warmer's report of the warm the upload caused: ended after it, with every active combination warmed (a scheduled
    /// warm finds them fresh and reports none); when none comes, what the warmers were doing meanwhile.
    /// </summary>
    private async Task FreshDataAsync(StudyEventListener events, DateTimeOffset since)
    {
        try
        {
            await events.NextAsync(name => name == "fresh-data", data => data.GetProperty("warmedAt").GetDateTimeOffset() >= since && data.GetProperty("entriesWarmed").GetInt32() >= Combinations,
                TimeSpan.FromSeconds(60));
        }
        catch (OperationCanceledException timedOut)
        {
            var warmers = platform.Host.Instances("warmer").Select((_, replica) =>
                $"warmer {replica}:\n    " + string.Join("\n    ", platform.Host.ConsoleLines("warmer", replica).TakeLast(40)));
            throw new TimeoutException($"No fresh-data within 60 s of the burst.\n{string.Join('\n', warmers)}\n{platform.Host.Describe()}", timedOut);
        }
    }

    private IDatabase Redis() => ConnectionMultiplexer.Connect(platform.Host.GetConnectionString("cache")).GetDatabase();

    private static async Task<WidgetResponse[]> ForEachAsync(string[] paths, Func<string, Task<WidgetResponse>> request)
    {
        var responses = new WidgetResponse[paths.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, paths.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, _) =>
            responses[index] = await request(paths[index]));
        return responses;
    }

    /// <summary>
    /// The gateway moves active combinations to Redis once a second; on a loaded machine the last of them may take a few
    /// flushes, and one left out would be computed by the burst and counted beyond the bound.
    /// </summary>
    private async Task<long> ActiveCombinationsAsync(long atLeast)
    {
        var redis = Redis();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long active;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            active = await redis.SortedSetLengthAsync(RedisKeys.ActiveCombinations(GatewayFixture.Study));
        }
        while (active < atLeast && DateTime.UtcNow < deadline);

        return active;
    }

    private static async Task<long> ComputationsAsync(HttpClient client, long atLeast)
    {
        long computations;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2.2));
            using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/cache/stats", UriKind.Relative)));
            computations = stats.RootElement.GetProperty("computations").GetInt64();
        }
        while (computations < atLeast && DateTime.UtcNow < deadline);

        return computations;
    }
}
