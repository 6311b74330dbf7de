using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.History;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Redis snapshotted, then moved on (a widget invalidated by hand, a new version uploaded), then killed and started again
/// from that older snapshot under read load: the older manifest mirror, the widget's older epoch and the entries the
/// invalidation removed are all back in Redis, and none of them may count again — the mirror must be current again, the
/// epoch not older than before the kill, no entry calculated before the invalidation stored or served.
/// </summary>
public sealed class RedisRestoreScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    /// <summary>A widget of another dataset than the uploads': its answers stay current across them, so the entries its invalidation removed would be served again.</summary>
    private const string Invalidated = "dm-by-arm";

    public async Task RunAsync()
    {
        var result = report.Scenario("redis_restored");
        using var admin = platform.Gateway(0, platform.Admin);
        var widgets = await WidgetReads.ReadingAsync(admin, FaultPlatform.Study, FaultPlatform.Dataset);
        var invalidatedPath = $"api/studies/{FaultPlatform.Study}/widgets/{Invalidated}/data";
        var views = WidgetReads.Views(FaultPlatform.Study, widgets).Append((Invalidated, invalidatedPath)).ToList();
        var payload = await DemoDataGenerator.AdverseEventsUploadAsync(FaultPlatform.UploadRows, seed: 31);
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);
        await broker.TakeAllErrorsAsync();
        var redis = await platform.Cache.ConnectAsync();
        var database = redis.GetDatabase();
        var manifest = RedisKeys.Manifest(FaultPlatform.Study);
        var field = RedisKeys.ManifestField(DatasetLayer.Source, FaultPlatform.Dataset);
        var epochs = RedisKeys.WidgetEpochs(FaultPlatform.Study);

        var load = ReadLoad.Start(platform, views, options.Readers, options.ReadsPerSecond);
        var snapshotted = await platform.UploadAsPipelineAsync(payload);
        await platform.ServesEverywhereAsync(snapshotted.Version);
        await ReadOnEveryReplicaAsync(invalidatedPath);
        var storedBeforeSnapshot = (await CacheServer.EntriesCalculatedAtAsync(redis, FaultPlatform.Study, Invalidated)).Count;
        await CacheServer.SnapshotAsync(redis);

        // Read before asking: the invalidation may well be done by the time the answer to the request arrives.
        var epochAtSnapshot = await EpochAsync(database, epochs);
        var invalidationPostedAt = DateTimeOffset.UtcNow;
        var invalidationPostedMs = SuiteClock.NowMs;
        using (var response = await admin.PostAsJsonAsync("api/cache/invalidations", new { studyId = FaultPlatform.Study, widgetIds = new[] { Invalidated } }))
        {
            response.EnsureSuccessStatusCode();
        }

        var invalidated = await Eventually(async () => await EpochAsync(database, epochs) > epochAtSnapshot, TimeSpan.FromSeconds(30));
        await ReadOnEveryReplicaAsync(invalidatedPath);
        var current = await platform.UploadAsPipelineAsync(payload);
        await platform.ServesEverywhereAsync(current.Version);
        var epochBeforeKill = await EpochAsync(database, epochs);

        var killedAt = SuiteClock.NowMs;
        await platform.Cache.KillAsync();
        await platform.Cache.StartAsync(empty: false);
        var backAt = SuiteClock.NowMs;
        var keysLoaded = await CacheServer.KeysLoadedAtStartAsync(redis);
        var mirrorCurrent = await Eventually(async () => (string?)await database.HashGetAsync(manifest, field) == current.Version, TimeSpan.FromSeconds(10));
        var mirrorCurrentMs = SuiteClock.NowMs - backAt;
        await Task.Delay(options.AfterRedisRestart);
        var epochAfter = await EpochAsync(database, epochs);
        var oldEntries = (await CacheServer.EntriesCalculatedAtAsync(redis, FaultPlatform.Study, Invalidated)).Count(at => at < invalidationPostedAt);
        var last = await platform.UploadAsPipelineAsync(payload);
        var lastServed = await platform.ServesEverywhereAsync(last.Version);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var reads = await load.StopAsync();
        await redis.DisposeAsync();
        var errors = await broker.TakeAllErrorsAsync();

        var after = reads.Where(read => read.StartMs >= backAt).ToList();
        var olderVersions = after.Count(read => read.Widget != Invalidated && read.DataVersion is { } version && string.CompareOrdinal(version, current.Version) < 0);
        // From a second after the invalidation was asked for: G1's bound for what gateways hold in memory.
        var invalidatedServed = reads.Count(read => read.Widget == Invalidated && read.StartMs > invalidationPostedMs + 1_000 && read.CalculatedAt < invalidationPostedAt);

        result.Figure("entries_of_the_widget_in_the_snapshot", storedBeforeSnapshot, "entries");
        result.Figure("keys_loaded_from_snapshot", keysLoaded, "keys");
        result.Figure("redis_down_ms", backAt - killedAt, "ms");
        result.Figure("mirror_current_after_restart_ms", mirrorCurrentMs, "ms");
        result.Figure("reads_after_restart", after.Count, "reads");
        result.Check("the invalidation after the snapshot was applied before the kill", invalidated, $"epoch {epochAtSnapshot} → {epochBeforeKill}");
        result.Check("Redis came back from the older snapshot, with the widget's entries in it", keysLoaded > 0 && storedBeforeSnapshot > 0, $"{keysLoaded} keys, {storedBeforeSnapshot} entries");
        result.Check("the manifest mirror is current again within 10 s", mirrorCurrent, $"{current.Version} after {mirrorCurrentMs:F0} ms");
        result.Check("the widget's epoch is not older than before the kill", epochAfter >= epochBeforeKill, $"{epochAfter} (before the kill {epochBeforeKill})");
        result.Check("no entry calculated before the invalidation is stored", oldEntries == 0, $"{oldEntries} entries");
        result.Check("no answer calculated before the invalidation served 1 s after it", invalidatedServed == 0, $"{invalidatedServed} reads");
        result.Check("no read after the restart older than the version current before the kill", olderVersions == 0, $"{olderVersions} reads");
        result.Check("every read after Redis was back answered 200", after.All(read => read.Status == 200), $"{after.Count(read => read.Status != 200)} of {after.Count}");
        result.Check("an upload after the restart is served everywhere", lastServed, last.Version);
        result.Check("nothing in the error queues", errors.Count == 0, errors.Count == 0 ? "none" : string.Join("; ", errors.Take(3)));
    }

    /// <summary>Reads the invalidated widget on every replica, so that its answer is stored (and held in each one's memory).</summary>
    private async Task ReadOnEveryReplicaAsync(string path)
    {
        for (var replica = 0; replica < FaultPlatform.GatewayReplicas; replica++)
        {
            using var client = platform.Gateway(replica, platform.Viewer);
            var read = await WidgetReads.ReadAsync(client, -1, Invalidated, path, CancellationToken.None);
            if (read.Status != (int)HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{Invalidated} answered {read.Status} on replica {replica}.");
            }
        }
    }

    private static async Task<long> EpochAsync(IDatabase database, string epochs) => (long?)await database.HashGetAsync(epochs, Invalidated) ?? 0;

    private static async Task<bool> Eventually(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
