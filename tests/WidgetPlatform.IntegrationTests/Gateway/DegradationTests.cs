using WidgetPlatform.AppHostTesting;
using WidgetPlatform.IntegrationTests.Operations;

namespace WidgetPlatform.IntegrationTests.Gateway;

// Stops or kills the one instance of a server or service: the scale-out profile's are clustered (ScaleOut/FailoverTests).
/// <summary>G6 on a platform of its own, since it stops Redis; with alerts judged every second, as the operators' tests have them.</summary>
[Trait("Profile", "single")]
public sealed class DegradationTests
{
    private const string Path = "/api/studies/STUDY-001/widgets/ae-by-severity/data";

    [Fact]
    public async Task WithRedisStoppedAnswersBypassTheCacheAndHitsReturnWhenItIsBack()
    {
        await using var host = await TestPlatform.StartAsync(new TestPlatformOptions { Environment = OperationsFixture.FastAlerts });
        using var client = host.CreateHttpClient("query", bearerToken: host.DevTokens.Viewer);
        // Filtered: the warmer keeps the unfiltered priority widgets warm from the start.
        Assert.Equal("miss", (await WidgetResponse.GetAsync(client, Path + "?f.site=S09")).Cache);

        await host.StopAsync("cache");
        await host.WaitForAsync("cache", instance => !instance.IsRunning, TimeSpan.FromSeconds(30));
        var whileDown = await WidgetResponse.GetAsync(client, Path + "?f.site=S01");
        var health = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        using var studyStatistics = await client.GetAsync(new Uri("/api/cache/studies/STUDY-001/stats", UriKind.Relative));
        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => firing.Contains("redis-unavailable"), "redis-unavailable fired");

        await host.StartAsync("cache");
        await host.WaitForAsync("cache", instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(30));
        // A new combination each time: one asked while the gateway still bypassed may be warmed meanwhile (it counts as
        // active), and then answer a hit without saying anything about the recovery.
        var recoveredPath = "";
        var recovered = await EventuallyAsync(
            async () => await WidgetResponse.GetAsync(client, recoveredPath = $"{Path}?f.site=S02&{UniqueRanges.Next()}"), response => response.Cache != "bypass");
        var hitAgain = await WidgetResponse.GetAsync(client, recoveredPath);
        await Eventually.UntilAsync(() => OperatorApi.FiringAsync(client), firing => !firing.Contains("redis-unavailable"), "redis-unavailable cleared");

        Assert.Equal(System.Net.HttpStatusCode.OK, whileDown.Status);
        Assert.Equal("bypass", whileDown.Cache);
        Assert.Equal("Degraded", health);
        // What reads Redis itself says so, as a problem a client can act on, not as a failure of the gateway.
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, studyStatistics.StatusCode);
        Assert.Equal("application/problem+json", studyStatistics.Content.Headers.ContentType?.MediaType);
        Assert.Equal("miss", recovered.Cache);
        Assert.Equal("hit", hitAgain.Cache);
    }

    private static async Task<WidgetResponse> EventuallyAsync(Func<Task<WidgetResponse>> request, Func<WidgetResponse, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        WidgetResponse response;
        do
        {
            response = await request();
            if (done(response))
            {
                return response;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        return response;
    }
}
