using StackExchange.Redis;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.History;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Each service killed (SIGKILL) in the middle of a burst of uploads under read load, then started again — a gateway
/// replica, the invalidation service, the warmer: no upload's invalidation lost (the newest served everywhere), no
/// stampede lock outliving its timeout, warming going on in the restarted warmer, the other replica answering throughout.
/// </summary>
public sealed class ServiceKillScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    /// <summary>The built-in <c>WidgetPlatform:Cache:LockTimeout</c>, which the suite's platform keeps.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private static readonly (string Name, string Resource, int Replica)[] Victims =
        [("gateway", "query", 1), ("invalidation", "invalidation", 0), ("warmer", "warmer", 0)];

    public async Task RunAsync()
    {
        var result = report.Scenario("services_killed");
        using var admin = platform.Gateway(0, platform.Admin);
        var widgets = await WidgetReads.ReadingAsync(admin, FaultPlatform.Study, FaultPlatform.Dataset);
        var payload = await DemoDataGenerator.AdverseEventsUploadAsync(FaultPlatform.UploadRows, seed: 41);
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);
        await broker.TakeAllErrorsAsync();
        using var uploader = platform.Gateway(0, platform.Uploader);

        var load = ReadLoad.Start(platform, WidgetReads.Views(FaultPlatform.Study, widgets), options.Readers, options.ReadsPerSecond);
        var downtimes = new List<(int Replica, double From, double To)>();
        foreach (var (name, resource, replica) in Victims)
        {
            // Through the gateway replica that is never killed.
            var burst = UploadBurst.Start(platform, uploader, payload, TimeSpan.FromMilliseconds(200));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var killedAt = SuiteClock.NowMs;
            // The wait is for every instance of the resource: the other replica's condition holds by definition.
            var victim = platform.Host.Instance(resource, replica).Id;
            platform.Host.Kill(resource, replica);
            await platform.Host.WaitForAsync(resource, instance => instance.Id != victim || !instance.IsRunning, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await platform.Host.StartAsync(resource, replica);
            await platform.Host.WaitForAsync(resource, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(90));
            if (resource == "query")
            {
                await AnswersAtItsAddressAsync(replica);
            }

            var backAt = SuiteClock.NowMs;
            if (resource == "query")
            {
                downtimes.Add((replica, killedAt, backAt));
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var (uploads, refused) = await burst.StopAsync();

            var newest = uploads.MaxBy(upload => upload.Version, StringComparer.Ordinal)!;
            var servedFrom = SuiteClock.NowMs;
            var served = await platform.ServesEverywhereAsync(newest.Version, TimeSpan.FromSeconds(60));
            result.Figure($"{name}_back_after_kill_ms", backAt - killedAt, "ms");
            result.Figure($"{name}_uploads_during_burst", uploads.Count, "uploads");
            result.Figure($"{name}_newest_served_after_burst_ms", SuiteClock.NowMs - servedFrom, "ms");
            result.Check($"{name} killed: the gateway accepted every upload of the burst", refused.Count == 0,
                refused.Count == 0 ? "none refused" : string.Join("; ", refused.Select(refusal => refusal.Answer).Distinct().Take(2)));
            result.Check($"{name} killed: the newest of the burst's uploads served everywhere", served, $"{newest.Version} of {uploads.Count}");
            if (resource == "warmer")
            {
                var warmed = await WarmedAsync(newest.Version);
                result.Check("the restarted warmer warms the upload after its restart", warmed, newest.Version);
            }
        }

        var reads = await load.StopAsync();
        var left = await broker.LeftAfterAsync(TimeSpan.FromSeconds(30));
        var errors = await broker.TakeAllErrorsAsync();
        var locks = await LocksPastTimeoutAsync();
        // Readers of a killed replica meet a closed port until it is back; the other replica's readers must not notice.
        var duringDowntime = reads.Where(read => downtimes.Any(down => read.Reader % FaultPlatform.GatewayReplicas == down.Replica && read.StartMs < down.To && read.EndMs > down.From)).ToList();
        var others = reads.Except(duringDowntime).ToList();
        var monotonic = StaleReads.MonotonicViolations(reads);

        result.Figure("reads", reads.Count, "reads");
        result.Figure("reads_of_the_killed_replica_while_down", duringDowntime.Count, "reads");
        result.Check("every read of a replica while it was up answered 200", others.All(read => read.Status == 200),
            $"{others.Count(read => read.Status != 200)} of {others.Count}: " + string.Join(", ", others.Where(read => read.Status != 200)
                .GroupBy(read => (Replica: read.Reader % FaultPlatform.GatewayReplicas, read.Status))
                .Select(group => $"{group.Count()} × {group.Key.Status} on replica {group.Key.Replica}, from {group.Min(read => read.StartMs):F0} to {group.Max(read => read.StartMs):F0} ms, the longest {group.Max(read => read.EndMs - read.StartMs):F0} ms")));
        result.Check("no reader saw a widget go back in time (G2)", monotonic == 0, $"{monotonic} regressions");
        result.Check("no stampede lock held past its timeout", locks.Count == 0, locks.Count == 0 ? "none" : string.Join(", ", locks.Take(3)));
        result.Check("every queue drained", left == 0, $"{left} messages left");
        result.Check("nothing in the error queues", errors.Count == 0, errors.Count == 0 ? "none" : string.Join("; ", errors.Take(3)));
    }

    /// <summary>
    /// Waits until the restarted gateway replica answers at the address the AppHost now gives for it: the address a
    /// snapshot names lags the restart by seconds, and until then the replica's readers knock at the old one.
    /// </summary>
    private async Task AnswersAtItsAddressAsync(int replica)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = platform.Gateway(replica, platform.Viewer);
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
            {
                // Not there yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Gateway replica {replica} did not answer at its address within 60 s of its restart.");
    }

    /// <summary>Whether the warmer's log says it warmed <paramref name="version"/> (its pass ahead of the announcement) within 30 s.</summary>
    private async Task<bool> WarmedAsync(string version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!platform.Host.ConsoleLines("warmer").Any(line => line.Contains("Warmed", StringComparison.Ordinal) && line.Contains(version, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }

    /// <summary>Stampede locks with no expiry or with more left of it than the lock timeout.</summary>
    private async Task<List<string>> LocksPastTimeoutAsync()
    {
        await using var redis = await platform.Cache.ConnectAsync();
        var server = redis.GetServers().Single();
        var database = redis.GetDatabase();
        var found = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "lock:*"))
        {
            var left = await database.KeyTimeToLiveAsync(key);
            if ((left is null && await database.KeyExistsAsync(key)) || left > LockTimeout)
            {
                found.Add($"{key} ({left?.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) ?? "no expiry"})");
            }
        }

        return found;
    }
}
