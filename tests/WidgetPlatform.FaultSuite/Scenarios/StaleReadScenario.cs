using System.Text.Json;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.History;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Readers on both gateway replicas read every widget of a dataset in several views, at a steady pace, while new versions
/// of it arrive, alternately through the gateway and as a pipeline's raw message; the history says which reads were
/// stale (counted from the upload's acceptance, and from the version's announcement as G1 counts) and whether any reader
/// saw a widget go back in time.
/// </summary>
public sealed class StaleReadScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    private static readonly double[] WindowsMs = [10, 25, 100, 1_000];

    /// <summary>Redis events at least this long are recorded: a tenth of the 25-ms window, held by one command.</summary>
    private const int RedisLatencyThresholdMs = 3;

    public async Task RunAsync()
    {
        var result = report.Scenario("stale_reads");
        using var admin = platform.Gateway(0, platform.Admin);
        var widgets = await WidgetReads.ReadingAsync(admin, FaultPlatform.Study, FaultPlatform.Dataset);
        var views = WidgetReads.Views(FaultPlatform.Study, widgets);
        var payloads = await Task.WhenAll(Enumerable.Range(0, 4).Select(seed => DemoDataGenerator.AdverseEventsUploadAsync(FaultPlatform.UploadRows, seed)));
        var warmup = new List<UploadRecord>();
        var uploads = new List<UploadRecord>();
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);

        using var redis = await platform.Cache.ConnectAsync();
        await CacheServer.WatchLatencyAsync(redis, RedisLatencyThresholdMs);
        var probe = SchedulerProbe.Start();
        var load = ReadLoad.Start(platform, views, options.Readers, options.ReadsPerSecond);
        using (var uploader = platform.Gateway(1, platform.Uploader))
        {
            for (var upload = 0; upload < options.WarmupUploads; upload++)
            {
                warmup.Add(await UploadAsync(uploader, payloads, upload));
            }

            var readsBefore = load.Count;
            for (var upload = 0; upload < options.Uploads || load.Count - readsBefore < options.Reads; upload++)
            {
                uploads.Add(await UploadAsync(uploader, payloads, upload));
            }

            // Reads go on past the last upload for longer than G1's hard bound, so that its staleness is judged too.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var history = await load.StopAsync();
        probe.Dispose();
        // Counted from the first upload after the warm-up, by which time every read shows a warm-up version at least.
        var reads = history.Where(read => read.StartMs >= uploads[0].AcceptedMs).ToList();
        var answered = reads.Where(read => read.Status == 200).ToList();
        WarmupFigures(history.Where(read => read.Status == 200 && read.StartMs < uploads[0].AcceptedMs).ToList(), warmup, result);

        result.Figure("reads", reads.Count, "reads");
        result.Figure("uploads", uploads.Count, "uploads");
        result.Figure("uploads_as_raw_amqp", uploads.Count(upload => upload.Via == "amqp"), "uploads");
        result.Figure("reads_per_second", reads.Count / ((reads.Max(read => read.EndMs) - reads.Min(read => read.StartMs)) / 1_000), "reads/s");
        var stale = WindowsMs.ToDictionary(window => window, window => StaleReads.Count(answered, uploads, window));
        foreach (var (window, count) in stale)
        {
            result.Figure($"stale_reads_w{window:0}ms", count, "reads");
        }

        // Where the 25-ms stale reads come from: which door their upload came through, and how long after it they began.
        var late = StaleReads.Find(answered, uploads, 25);
        foreach (var via in new[] { "gateway", "amqp" })
        {
            result.Figure($"stale_reads_w25ms_via_{via}", late.Count(stale => stale.Due.Via == via), "reads");
        }

        result.Figure("stale_read_latest_start_after_upload_ms", late.Count == 0 ? 0 : late.Max(stale => stale.Read.StartMs - stale.Due.AcceptedMs), "ms");
        result.Figure("uploads_with_a_stale_read_w25ms", late.Select(stale => stale.Due.Version).Distinct(StringComparer.Ordinal).Count(), "uploads");
        await EventPathFiguresAsync(admin, result);
        var announcements = broker.Announced(FaultPlatform.Study, FaultPlatform.Dataset);
        LateUploadFigures(late, announcements, answered, result);
        result.Figure("redis_longest_event_ms", await CacheServer.LongestLatencyAsync(redis), "ms");
        result.Figure("scheduler_stalls_over_20ms", probe.Stalls, "stalls");
        result.Figure("scheduler_longest_stall_ms", probe.LongestMs, "ms");
        // G1 counts from the invalidation service's announcement, not from the upload: the queue before it is not its window.
        var announced = announcements.Select(announcement => new UploadRecord(announcement.Version, announcement.AtMs, "announced")).ToList();
        var staleAfterAnnouncement = StaleReads.Count(answered, announced, 25);
        var g1 = StaleReads.Count(answered, announced, 1_000);
        result.Figure("stale_reads_w25ms_after_announcement", staleAfterAnnouncement, "reads");
        result.Figure("stale_reads_w1000ms_after_announcement", g1, "reads");
        var monotonic = StaleReads.MonotonicViolations(answered);
        var last = uploads[^1].Version;
        var finals = await FinalVersionsAsync(widgets);
        result.Check("every read answered 200", answered.Count == reads.Count, $"{reads.Count - answered.Count} of {reads.Count} not 200");
        result.Check("no read stale 1 s after its version was announced (G1's hard bound)", g1 == 0, $"{g1} stale");
        result.Check("no reader saw a widget go back in time (G2)", monotonic == 0, $"{monotonic} regressions");
        result.Check("the last upload is what every replica serves", finals.All(version => version == last),
            $"last {last}; served {string.Join(", ", finals.Distinct(StringComparer.Ordinal))}");
    }

    /// <summary>One upload a second, alternately through the gateway and as a pipeline's raw message.</summary>
    private async Task<UploadRecord> UploadAsync(HttpClient uploader, byte[][] payloads, int upload)
    {
        await Task.Delay(options.UploadInterval);
        var payload = payloads[upload % payloads.Length];
        return upload % 2 == 0 ? await AcceptedThroughGatewayAsync(uploader, payload) : await platform.UploadAsPipelineAsync(payload);
    }

    /// <summary>What the warm-up uploads' readers saw, reported apart: the cold start's cost, never hidden.</summary>
    private static void WarmupFigures(List<ReadRecord> answered, List<UploadRecord> warmup, ScenarioResult result)
    {
        result.Figure("warmup_uploads", warmup.Count, "uploads");
        if (warmup.Count == 0)
        {
            return;
        }

        var late = StaleReads.Find(answered, warmup, 25);
        var first = late.Where(stale => stale.Due.Version == warmup[0].Version).ToList();
        result.Figure("warmup_stale_reads_w25ms", late.Count, "reads");
        result.Figure("warmup_first_upload_latest_stale_ms", first.Count == 0 ? 0 : first.Max(stale => stale.Read.StartMs - stale.Due.AcceptedMs), "ms");
        result.Figure("warmup_uploads_with_a_stale_read_w25ms", late.Select(stale => stale.Due.Version).Distinct(StringComparer.Ordinal).Count(), "uploads");
    }

    /// <summary>
    /// Which half of the path each upload with a 25-ms stale read was late in — the invalidation service's announcement, or
    /// its way from there to the replicas — with its timeline printed.
    /// </summary>
    private static void LateUploadFigures(
        List<(ReadRecord Read, UploadRecord Due)> late, IReadOnlyList<Announcement> announcements, List<ReadRecord> answered, ScenarioResult result)
    {
        var timelines = late.Select(stale => stale.Due).DistinctBy(upload => upload.Version)
            .Select(upload => UploadTimeline.Of(upload, announcements, answered, FaultPlatform.GatewayReplicas, ReadLoad.ReplicaOf))
            .ToList();
        foreach (var timeline in timelines)
        {
            Console.WriteLine($"  stale_reads: late upload {timeline.Describe()}");
        }

        result.Figure("late_uploads_announced_after_25ms", timelines.Count(timeline => timeline.AnnouncedLaterThan(25)), "uploads");
        result.Figure("late_uploads_announced_within_25ms", timelines.Count(timeline => !timeline.AnnouncedLaterThan(25)), "uploads");
    }

    /// <summary>This scenario's uploads must all be accepted: a refusal is a broken run, not a figure.</summary>
    private static async Task<UploadRecord> AcceptedThroughGatewayAsync(HttpClient uploader, byte[] parquet)
    {
        var (accepted, answer) = await FaultPlatform.UploadThroughGatewayAsync(uploader, parquet);
        return accepted ?? throw new InvalidOperationException($"The gateway refused an upload: {answer}");
    }

    /// <summary>
    /// The event path's steps as the fleet timed them (docs/cache.md, "The event path"), p50 and p99 since the platform
    /// started: which step a late upload spent its time in.
    /// </summary>
    private static async Task EventPathFiguresAsync(HttpClient client, ScenarioResult result)
    {
        using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/cache/stats", UriKind.Relative)));
        foreach (var step in stats.RootElement.GetProperty("eventPath").EnumerateArray())
        {
            var name = step.GetProperty("step").GetString();
            foreach (var percentile in new[] { "p50Ms", "p99Ms" })
            {
                if (step.GetProperty(percentile).ValueKind == JsonValueKind.Number)
                {
                    result.Figure($"event_path_{name}_{percentile[..3]}", step.GetProperty(percentile).GetDouble(), "ms");
                }
            }
        }
    }

    /// <summary>Every widget's default view on every replica, once the platform had its time (G1's hard bound, and more).</summary>
    private async Task<IReadOnlyList<string?>> FinalVersionsAsync(IReadOnlyList<string> widgets)
    {
        var versions = new List<string?>();
        for (var replica = 0; replica < FaultPlatform.GatewayReplicas; replica++)
        {
            using var client = platform.Gateway(replica, platform.Viewer);
            foreach (var widget in widgets)
            {
                var read = await WidgetReads.ReadAsync(client, -1, widget, $"api/studies/{FaultPlatform.Study}/widgets/{widget}/data", CancellationToken.None);
                versions.Add(read.DataVersion);
            }
        }

        return versions;
    }
}
