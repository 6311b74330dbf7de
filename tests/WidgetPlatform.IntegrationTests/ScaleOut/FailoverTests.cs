using System.Net;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.WarmerReplicas;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

/// <summary>
/// Failures a scale-out deployment must ride through (issue 19): a gateway replica or a Redis primary killed while
/// dashboards read through the load balancer; after the Redis failover, a new upload must be served. Each victim is
/// started again whatever the outcome, for the collection's other tests.
/// </summary>
[Collection(ScaleOutPlatform.Name)]
[Trait("Profile", "scale-out")]
public sealed class FailoverTests(ScaleOutFixture platform)
{
    /// <summary>How long the reads go on after a kill; the cluster's node timeout is 2 s, YARP's health check every 2 s.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    /// <summary>From this long after the kill, every read must succeed.</summary>
    private static readonly TimeSpan Recovered = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task AKilledGatewayReplicaCostsAtMostOnePercentOfReadsAndNoneOnceTheBalancerNoticed()
    {
        try
        {
            var reads = await ReadThroughAsync(() => platform.Host.Kill("query", replica: 2));

            AssertAvailability(reads.Reads, reads.KilledAt);
        }
        finally
        {
            await platform.Host.StartAsync("query", replica: 2);
            await platform.Host.WaitForAsync("query", instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task AKilledRedisPrimaryIsReplacedByItsReplicaAndANewUploadIsServedAfterIt()
    {
        var study = RedisKeys.Manifest("STUDY-001");
        var (node, address) = await ClusterNodes.PrimaryOfAsync(platform.Host, study);
        try
        {
            var reads = await ReadThroughAsync(() => platform.Host.Kill(node));
            using var uploader = platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Uploader);
            var version = await StudyTraffic.UploadAsync(uploader, "STUDY-001", await DemoDataGenerator.AdverseEventsUploadAsync(3_000, seed: 19));

            Assert.NotEqual(address, await ClusterNodes.PrimaryAddressOfAsync(platform.Host, study));
            AssertAvailability(reads.Reads, reads.KilledAt);
            await AssertServedAsync(version);
        }
        finally
        {
            await platform.Host.StartAsync(node);
            await platform.Host.WaitForAsync(node, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(60));
        }
    }

    private async Task<(IReadOnlyList<BalancedRead> Reads, TimeSpan KilledAt)> ReadThroughAsync(Action kill)
    {
        await using var load = BalancedReads.Start(() => platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Viewer));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = load.Now;
        kill();
        await Task.Delay(Outage);
        return (await load.StopAsync(), killedAt);
    }

    private static void AssertAvailability(IReadOnlyList<BalancedRead> reads, TimeSpan killedAt)
    {
        // Reads in flight at the kill count: they are the ones a kill breaks.
        var during = reads.Where(read => read.EndedAt >= killedAt).ToList();
        var failed = during.Count(read => read.Status != 200);
        Assert.True(during.Count >= 100, $"only {during.Count} reads after the kill");
        Assert.True(failed <= during.Count / 100, $"{failed} of {during.Count} reads after the kill failed: {Statuses(during)}");
        Assert.All(during.Where(read => read.StartedAt >= killedAt + Recovered), read => Assert.Equal(200, read.Status));
    }

    private static string Statuses(IEnumerable<BalancedRead> reads) =>
        string.Join(", ", reads.GroupBy(read => read.Status).Select(group => $"{group.Key}: {group.Count()}"));

    private async Task AssertServedAsync(string version)
    {
        using var viewer = platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Viewer);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string? served = null;
        while (served != version && DateTime.UtcNow < deadline)
        {
            using var response = await viewer.GetAsync(new Uri("/api/studies/STUDY-001/widgets/ae-total/data", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            served = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content))
                .GetProperty("metadata").GetProperty("dataVersion").GetString();
        }

        Assert.Equal(version, served);
    }
}
