using System.Net;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.IntegrationTests.Freshness;
using WidgetPlatform.IntegrationTests.WarmerReplicas;
using Xunit.Abstractions;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

/// <summary>
/// Failures a scale-out deployment must ride through (issue 19): a gateway replica, a Redis primary or a broker node
/// killed while dashboards read through the load balancer; after the Redis failover, a new upload must be served, and
/// while a broker node is down uploads must be accepted and their announcements reach dashboards without a gap. Each
/// victim is started again whatever the outcome, for the collection's other tests.
/// </summary>
[Collection(ScaleOutPlatform.Name)]
[Trait("Profile", "scale-out")]
public sealed class FailoverTests(ScaleOutFixture platform, ITestOutputHelper output)
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

    [Fact]
    public async Task AKilledBrokerNodeCostsNoUploadAndDashboardsHearEveryChangeThroughTheOtherNodes()
    {
        // The node leading the invalidation service's queue: the one that declared it, which MassTransit (nodes in the order
        // listed) connects to first, so the services' connections are on it too.
        var victim = (await BrokerClusterNodes.QueuesAsync(platform.Host)).Single(queue => queue.Name == DataUploadedQueue).Leader!;
        try
        {
            using var uploader = platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Uploader);
            using var listener = platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Viewer);
            await using var events = await StudyEventListener.OpenAsync(listener, "STUDY-001");
            var parquet = await DemoDataGenerator.AdverseEventsUploadAsync(2_000, seed: 23);
            var accepted = new List<string>();
            var refused = new List<HttpStatusCode>();

            var reads = await ReadThroughAsync(() => platform.Host.Kill(victim), async outage =>
            {
                while (!outage.IsCancellationRequested)
                {
                    var (status, version) = await TryUploadAsync(uploader, parquet);
                    if (version is null)
                    {
                        refused.Add(status);
                    }
                    else
                    {
                        accepted.Add(version);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(700), CancellationToken.None);
                }
            });
            Assert.True(accepted.Count >= 5, $"only {accepted.Count} uploads accepted during the outage; refused: {string.Join(", ", refused)}");
            var announced = await AnnouncedAsync(events, accepted[^1]);
            var currents = announced.Select(change => change.Current).ToHashSet(StringComparer.Ordinal);
            // A version no announcement moved to, yet one moved from: an announcement this dashboard never heard.
            var unheard = announced.Select(change => change.Previous).Where(previous => !currents.Contains(previous)).Distinct().ToList();
            output.WriteLine($"{victim} killed: {accepted.Count} uploads accepted, {refused.Count} refused, {announced.Count} announced "
                + $"({accepted.Count(version => !currents.Contains(version))} superseded by a newer one handled first); "
                + $"reads after the kill: {Statuses(reads.Reads.Where(read => read.EndedAt >= reads.KilledAt))}");

            AssertAvailability(reads.Reads, reads.KilledAt);
            Assert.All(refused, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
            Assert.Contains(accepted[^1], currents);
            // One chain from the version before the first upload: every other step was heard.
            Assert.True(unheard.Count == 1 && string.CompareOrdinal(unheard[0], accepted.Min(StringComparer.Ordinal)) < 0,
                $"announcements not heard: moved on from {string.Join(", ", unheard)}");
            await AssertServedAsync(accepted[^1]);
        }
        finally
        {
            await platform.Host.StartAsync(victim);
            await platform.Host.WaitForAsync(victim, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(90));
        }
    }

    private const string DataUploadedQueue = "invalidation-data-uploaded";

    private static async Task<(HttpStatusCode Status, string? Version)> TryUploadAsync(HttpClient uploader, byte[] parquet)
    {
        using var upload = await uploader.PutAsync(new Uri("/api/studies/STUDY-001/datasets/AE?layer=source", UriKind.Relative), new ByteArrayContent(parquet));
        return upload.StatusCode == HttpStatusCode.Accepted
            ? (upload.StatusCode, (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(upload.Content)).GetProperty("version").GetString())
            : (upload.StatusCode, null);
    }

    /// <summary>
    /// The demo dataset's changes a dashboard was told of (two invalidation replicas may handle an upload after a newer
    /// one, which then supersedes it: it is never announced, and the chain steps over it), until the newest accepted upload
    /// was announced and the chain is closed (announcements of two replicas may arrive in either order), or 60 s passed.
    /// </summary>
    private static async Task<List<(string Previous, string Current)>> AnnouncedAsync(StudyEventListener events, string newest)
    {
        var announced = new List<(string Previous, string Current)>();
        try
        {
            while (!announced.Any(change => change.Current == newest) || !IsOneChain(announced))
            {
                var changed = await events.NextAsync(
                    name => name == "version-changed",
                    data => data.TryGetProperty("datasets", out var datasets) && datasets.ValueKind == System.Text.Json.JsonValueKind.Array
                        && datasets.EnumerateArray().Any(dataset => dataset.GetString() == "AE"),
                    TimeSpan.FromSeconds(60));
                announced.Add((changed.GetProperty("previousVersion").GetString()!, changed.GetProperty("currentVersion").GetString()!));
            }
        }
        catch (OperationCanceledException)
        {
            // What was announced by then is the answer.
        }

        return announced;
    }

    /// <summary>Every step but the first starts where another ended.</summary>
    private static bool IsOneChain(IReadOnlyCollection<(string Previous, string Current)> changes) =>
        changes.Select(change => change.Previous).Distinct(StringComparer.Ordinal).Count(previous => !changes.Any(change => change.Current == previous)) <= 1;

    private Task<(IReadOnlyList<BalancedRead> Reads, TimeSpan KilledAt)> ReadThroughAsync(Action kill) =>
        ReadThroughAsync(kill, _ => Task.CompletedTask);

    /// <summary>Reads through the balancer from 2 s before the kill until <see cref="Outage"/> after it, while <paramref name="meanwhile"/> runs (until the outage's end cancels it).</summary>
    private async Task<(IReadOnlyList<BalancedRead> Reads, TimeSpan KilledAt)> ReadThroughAsync(Action kill, Func<CancellationToken, Task> meanwhile)
    {
        await using var load = BalancedReads.Start(() => platform.Host.CreateHttpClient(ScaleOutFixture.LoadBalancer, bearerToken: platform.Host.DevTokens.Viewer));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = load.Now;
        kill();
        using var outage = new CancellationTokenSource(Outage);
        await Task.WhenAll(meanwhile(outage.Token), Task.Delay(Outage));
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
