using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.History;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Redis killed (SIGKILL) under read load for as long as the mode says, uploads arriving meanwhile through both doors,
/// then started again empty: the answers during the outage (G6: 200, computed without the cache), what comes back after
/// it, and whether the uploads made while it was away are applied once it is back, not parked in an error queue.
/// </summary>
public sealed class RedisKillScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    public async Task RunAsync()
    {
        var result = report.Scenario("redis_killed");
        using var admin = platform.Gateway(0, platform.Admin);
        var widgets = await WidgetReads.ReadingAsync(admin, FaultPlatform.Study, FaultPlatform.Dataset);
        var payload = await DemoDataGenerator.AdverseEventsUploadAsync(FaultPlatform.UploadRows, seed: 21);
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);
        await broker.TakeAllErrorsAsync();
        using var uploader = platform.Gateway(1, platform.Uploader);

        var load = ReadLoad.Start(platform, WidgetReads.Views(FaultPlatform.Study, widgets), options.Readers, options.ReadsPerSecond);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var first = await platform.UploadAsPipelineAsync(payload);
        var firstServed = await platform.ServesEverywhereAsync(first.Version);

        var killedAt = SuiteClock.NowMs;
        await platform.Cache.KillAsync();
        await Task.Delay(options.RedisOutage / 2);
        var (throughGateway, gatewayAnswer) = await FaultPlatform.UploadThroughGatewayAsync(uploader, payload);
        var asPipeline = await platform.UploadAsPipelineAsync(payload);
        await Task.Delay(options.RedisOutage / 2);
        await platform.Cache.StartAsync(empty: true);
        var backAt = SuiteClock.NowMs;

        var duringOutage = new[] { throughGateway, asPipeline }.OfType<UploadRecord>().MaxBy(upload => upload.Version, StringComparer.Ordinal)!;
        var outageUploadsServed = await platform.ServesEverywhereAsync(duringOutage.Version, TimeSpan.FromSeconds(60));
        var outageUploadsServedMs = SuiteClock.NowMs - backAt;
        await Task.Delay(options.AfterRedisRestart);
        var last = await platform.UploadAsPipelineAsync(payload);
        var lastServed = await platform.ServesEverywhereAsync(last.Version);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var reads = await load.StopAsync();
        var errors = await broker.TakeAllErrorsAsync();

        var during = reads.Where(read => read.StartMs >= killedAt && read.EndMs <= backAt).ToList();
        var after = reads.Where(read => read.StartMs >= backAt).ToList();
        var duringNot200 = Share(during, read => read.Status != 200);
        var newestBeforeKill = reads.Where(read => read.EndMs < killedAt).Select(read => read.DataVersion).OfType<string>().Max(StringComparer.Ordinal) ?? "";
        var resurrected = after.Count(read => read.DataVersion is { } version && string.CompareOrdinal(version, newestBeforeKill) < 0);
        var staleAfter = StaleReads.Count([.. after.Where(read => read.Status == 200)], [last], 1_000);
        var lastBypass = after.Where(read => read.Cache == "bypass").Select(read => read.StartMs).DefaultIfEmpty(backAt).Max();

        result.Figure("redis_down_ms", backAt - killedAt, "ms");
        result.Figure("reads_during_outage", during.Count, "reads");
        result.Figure("non_200_during_outage_percent", duringNot200, "%");
        result.Figure("bypass_during_outage_percent", Share(during, read => read.Cache == "bypass"), "%");
        result.Figure("reads_after_restart", after.Count, "reads");
        result.Figure("non_200_after_restart", after.Count(read => read.Status != 200), "reads");
        result.Figure("bypass_until_after_restart_ms", lastBypass - backAt, "ms");
        result.Figure("outage_uploads_served_after_redis_back_ms", outageUploadsServedMs, "ms");
        result.Figure("stale_reads_after_restart_w1000ms", staleAfter, "reads");
        result.Check("the upload before the kill served everywhere", firstServed, first.Version);
        result.Check("answers during the outage: at most 0.1% not 200 (G6)", duringNot200 <= 0.1, $"{duringNot200:F2}% of {during.Count}");
        result.Check("every read after Redis was back answered 200", after.All(read => read.Status == 200), $"{after.Count(read => read.Status != 200)} of {after.Count}");
        result.Check("the gateway accepted an upload while Redis was down", throughGateway is not null, gatewayAnswer);
        result.Check("the uploads made while Redis was down are served everywhere once it is back", outageUploadsServed, duringOutage.Version);
        result.Check("nothing older than what was served before the kill came back", resurrected == 0, $"{resurrected} reads older than {newestBeforeKill}");
        result.Check("no reader saw a widget go back in time (G2)", StaleReads.MonotonicViolations(reads) == 0, $"{StaleReads.MonotonicViolations(reads)} regressions");
        result.Check("an upload after the restart is served everywhere, none stale 1 s after it", lastServed && staleAfter == 0, $"{last.Version}, {staleAfter} stale");
        result.Check("nothing in the error queues", errors.Count == 0, errors.Count == 0 ? "none" : string.Join("; ", errors.Take(3)));
    }

    private static double Share(List<ReadRecord> reads, Func<ReadRecord, bool> which) =>
        reads.Count == 0 ? 0 : 100.0 * reads.Count(which) / reads.Count;
}
