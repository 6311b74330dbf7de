using WidgetPlatform.AppHostTesting;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.History;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Issue 19's failovers on the scale-out profile: a gateway replica, the Redis primary of the study's slot, then the
/// broker node leading the invalidation service's queue, killed (SIGKILL) while readers read through the load balancer
/// and uploads arrive through it and as a pipeline. Checked: at
/// most 1% of reads fail from the kill on, none once the platform settled; none stale 1 s after an upload once it
/// settled (while the primary of the study's slot is away, no new version can be mirrored: uploads wait, as they do for a
/// single Redis, and the stale reads meanwhile are a figure); the newest upload served by every replica (nothing
/// confirmed was lost; how many accepted uploads were announced is a figure, since two invalidation replicas may take an
/// upload after a newer one, which then supersedes it); the queues drained, nothing in the error queues. A reader's versions going back is a figure, not
/// a check: G2 is per gateway, and behind a balancer a reader meets several within the fan-out's milliseconds.
/// </summary>
public sealed class FailoverScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    /// <summary>
    /// What the platform is given to notice a failure: the Redis Cluster's node timeout (2 s) and its election, YARP's
    /// active health check (every 2 s, out after two failures), with room for a loaded machine. Every read starting later must succeed.
    /// </summary>
    private static readonly TimeSpan SettleBudget = TimeSpan.FromSeconds(8);

    public Task GatewayReplicaAsync() => RunAsync("failover_gateway", () => Task.FromResult(("query", 2)));

    public Task RedisPrimaryAsync() => RunAsync("failover_redis_primary", async () =>
        ((await ClusterNodes.PrimaryOfAsync(platform.Host, RedisKeys.Manifest(FaultPlatform.Study))).Resource, 0));

    /// <summary>The node leading the invalidation service's queue, which the services, connecting to the first node listed, are on too.</summary>
    public Task BrokerNodeAsync() => RunAsync("failover_broker_node", async () =>
        ((await BrokerClusterNodes.QueuesAsync(platform.Host)).Single(queue => queue.Name == "invalidation-data-uploaded").Leader!, 0));

    /// <summary>The suite's durable record of every CacheInvalidated announced during a failover.</summary>
    private const string AnnouncementLedger = "fault-suite-failover-announcements";

    private async Task RunAsync(string name, Func<Task<(string Resource, int Replica)>> chooseVictim)
    {
        var result = report.Scenario(name);
        using var admin = platform.Balanced(platform.Admin);
        var widgets = await WidgetReads.ReadingAsync(admin, FaultPlatform.Study, FaultPlatform.Dataset);
        var payload = await DemoDataGenerator.AdverseEventsUploadAsync(FaultPlatform.UploadRows, seed: 19);
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);
        await broker.TakeAllErrorsAsync();
        await broker.KeepAnnouncementsAsync(AnnouncementLedger);
        using var uploader = platform.Balanced(platform.Uploader);
        var (resource, replica) = await chooseVictim();

        var load = ReadLoad.Start(platform, WidgetReads.Views(FaultPlatform.Study, widgets), options.Readers, options.ReadsPerSecond, throughBalancer: true);
        var burst = UploadBurst.Start(platform, uploader, payload, TimeSpan.FromMilliseconds(300));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = SuiteClock.NowMs;
        platform.Host.Kill(resource, replica);
        await Task.Delay(options.FailoverObservation);
        var (uploads, refused) = await burst.StopAsync();
        var reads = await load.StopAsync();

        await platform.Host.StartAsync(resource, replica);
        await platform.Host.WaitForAsync(resource, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(90));
        var newest = uploads.MaxBy(upload => upload.Version, StringComparer.Ordinal)!;
        var served = await platform.ServesEverywhereAsync(newest.Version, TimeSpan.FromSeconds(60));
        var left = await broker.LeftAfterAsync(TimeSpan.FromSeconds(30));
        var errors = await broker.TakeAllErrorsAsync();
        var announced = BrokerQueues.Announced((await broker.TakeAllAsync(AnnouncementLedger)).Select(message => message.Body), FaultPlatform.Study, FaultPlatform.Dataset)
            .Select(announcement => announcement.Version).ToHashSet(StringComparer.Ordinal);
        await broker.DeleteQueueAsync(AnnouncementLedger);

        var settledAt = killedAt + SettleBudget.TotalMilliseconds;
        // Reads in flight at the kill count: they are the ones a kill breaks.
        var sinceKill = reads.Where(read => read.EndMs >= killedAt).ToList();
        var settled = sinceKill.Where(read => read.StartMs >= settledAt).ToList();
        var failedShare = sinceKill.Count == 0 ? 0 : 100.0 * sinceKill.Count(read => read.Status != 200) / sinceKill.Count;
        var lastFailure = sinceKill.Where(read => read.Status != 200).Select(read => read.EndMs).DefaultIfEmpty(killedAt).Max();
        var stale = StaleReads.Find(reads, uploads, 1_000);
        var staleSettled = stale.Count(found => found.Read.StartMs >= settledAt);
        var lastStale = stale.Select(found => found.Read.StartMs).DefaultIfEmpty(killedAt).Max();

        result.Figure($"{name}_reads_since_kill", sinceKill.Count, "reads");
        result.Figure($"{name}_non_200_since_kill_percent", failedShare, "%");
        result.Figure($"{name}_non_200_after_settling", settled.Count(read => read.Status != 200), "reads");
        result.Figure($"{name}_last_failure_after_kill_ms", lastFailure - killedAt, "ms");
        result.Figure($"{name}_uploads", uploads.Count, "uploads");
        result.Figure($"{name}_uploads_refused", refused.Count, "uploads");
        result.Figure($"{name}_uploads_announced", uploads.Count(upload => announced.Contains(upload.Version)), "uploads");
        result.Figure($"{name}_stale_reads_w1000ms", stale.Count, "reads");
        result.Figure($"{name}_stale_reads_w1000ms_after_settling", staleSettled, "reads");
        result.Figure($"{name}_last_stale_read_after_kill_ms", lastStale - killedAt, "ms");
        result.Figure($"{name}_stale_reads_w100ms", StaleReads.Count(reads, uploads, 100), "reads");
        result.Figure($"{name}_reader_version_regressions", StaleReads.MonotonicViolations(reads), "reads");
        result.Check("at most 1% of the reads since the kill failed", failedShare <= 1,
            $"{resource} {replica} killed; {failedShare:F2}% of {sinceKill.Count}: {Statuses(sinceKill)}");
        result.Check($"every read from {SettleBudget.TotalSeconds:F0} s after the kill answered 200", settled.All(read => read.Status == 200),
            $"{settled.Count(read => read.Status != 200)} of {settled.Count}");
        var refusedSettled = refused.Where(refusal => refusal.AtMs >= settledAt).ToList();
        result.Check("once settled, no upload refused", refusedSettled.Count == 0,
            refused.Count == 0 ? "none" : $"{refusedSettled.Count} of {refused.Count} refused ({string.Join("; ", refused.Select(refusal => refusal.Answer).Distinct().Take(2))})");
        result.Check("once settled, no read stale 1 s after an upload was accepted", staleSettled == 0, $"{staleSettled} of {settled.Count}");
        result.Check("the newest upload served by every gateway replica (none lost)", served, $"{newest.Version} of {uploads.Count}");
        result.Check("every queue drained", left == 0, $"{left} messages left");
        result.Check("nothing in the error queues", errors.Count == 0, errors.Count == 0 ? "none" : string.Join("; ", errors.Take(3)));
    }

    private static string Statuses(IEnumerable<ReadRecord> reads) =>
        string.Join(", ", reads.GroupBy(read => read.Status).OrderBy(group => group.Key).Select(group => $"{group.Key}: {group.Count()}"));
}
