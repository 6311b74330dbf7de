using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.History;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// The broker killed (SIGKILL, process tree) in the middle of bursts of uploads through both doors, then started again, as
/// often as the mode says: every version the platform confirmed must end up applied (the newest current and served),
/// every queue drained, nothing in an error queue, and no version announced twice though the broker redelivers what
/// it had not seen acknowledged.
/// </summary>
public sealed class BrokerKillScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    private const string Broker = "messaging";

    /// <summary>The suite's durable queue of every CacheInvalidated announced during the kills.</summary>
    private const string AnnouncementLedger = "fault-suite-broker-killed-announcements";

    public async Task RunAsync()
    {
        var result = report.Scenario("broker_killed");
        var payload = await DemoDataGenerator.AdverseEventsUploadAsync(FaultPlatform.UploadRows, seed: 11);
        await using (var before = await BrokerQueues.ListenAsync(platform.Host))
        {
            await before.TakeAllErrorsAsync();
            await before.KeepAnnouncementsAsync(AnnouncementLedger);
        }

        var confirmed = new List<UploadRecord>();
        var unconfirmed = 0;
        var recoveries = new List<double>();
        using var uploader = platform.Gateway(1, platform.Uploader);
        for (var kill = 0; kill < options.BrokerKills; kill++)
        {
            using var burstOver = new CancellationTokenSource();
            var burst = Task.Run(() => BurstAsync(uploader, payload, confirmed, () => Interlocked.Increment(ref unconfirmed), burstOver.Token));
            await Task.Delay(TimeSpan.FromSeconds(2));
            var killedAt = SuiteClock.NowMs;
            platform.Host.Kill(Broker);
            await platform.Host.WaitForAsync(Broker, instance => !instance.IsRunning, TimeSpan.FromSeconds(30));
            await platform.Host.StartAsync(Broker);
            await platform.Host.WaitForAsync(Broker, instance => instance.IsRunningAndHealthy, TimeSpan.FromSeconds(90));
            recoveries.Add(SuiteClock.NowMs - killedAt);
            // Uploads go on for two seconds with the broker back, then the burst ends.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await burstOver.CancelAsync();
            await burst;
        }

        var settleStarted = SuiteClock.NowMs;
        var newest = confirmed.Select(upload => upload.Version).Max(StringComparer.Ordinal)!;
        var served = await platform.ServesEverywhereAsync(newest, TimeSpan.FromSeconds(90));
        var settledMs = SuiteClock.NowMs - settleStarted;
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);
        var left = await broker.LeftAfterAsync(TimeSpan.FromSeconds(30));
        var errors = await broker.TakeAllErrorsAsync();
        var announcements = await broker.TakeAllAsync(AnnouncementLedger);
        await broker.DeleteQueueAsync(AnnouncementLedger);
        var announced = BrokerQueues.Announced(announcements.Select(message => message.Body), FaultPlatform.Study, FaultPlatform.Dataset)
            .Select(announcement => announcement.Version).ToList();
        var twice = announced.GroupBy(version => version, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        var notUploaded = announced.Except(confirmed.Select(upload => upload.Version), StringComparer.Ordinal).ToList();

        result.Figure("broker_kills", options.BrokerKills, "kills");
        result.Figure("uploads_confirmed", confirmed.Count, "uploads");
        result.Figure("uploads_confirmed_as_raw_amqp", confirmed.Count(upload => upload.Via == "amqp"), "uploads");
        result.Figure("uploads_refused_while_down", unconfirmed, "uploads");
        result.Figure("broker_back_after_kill_ms_max", recoveries.Max(), "ms");
        result.Figure("newest_served_after_last_kill_ms", settledMs, "ms");
        result.Check("the newest confirmed version is current and served by every replica", served, $"newest {newest}");
        result.Check("every queue drained", left == 0, $"{left} messages left");
        result.Figure("versions_announced", announced.Count, "announcements");
        // An upload whose confirm was lost with the broker may still have been applied: a figure, not a fault.
        result.Figure("versions_announced_without_a_confirm", notUploaded.Count, "announcements");
        result.Check("nothing in the error queues", errors.Count == 0, errors.Count == 0 ? "none" : string.Join("; ", errors.Take(3)));
        // A message redelivered after a kill is handled again: its visible effect, an announcement, must not repeat.
        result.Check("no version announced twice, though messages were redelivered", twice.Count == 0,
            twice.Count == 0 ? $"{announced.Count} announced once each" : "twice: " + string.Join(", ", twice.Take(5)));
    }

    /// <summary>
    /// Uploads through both doors side by side, each door one after another every 150 ms, until told to stop; what the
    /// platform confirmed is recorded. An upload waits while the broker is away (the gateway's publish, the publisher's
    /// confirm) or fails; both doors keep trying.
    /// </summary>
    private Task BurstAsync(HttpClient uploader, byte[] payload, List<UploadRecord> confirmed, Action refused, CancellationToken over) =>
        Task.WhenAll(
            UploadUntilAsync(async () => (await FaultPlatform.UploadThroughGatewayAsync(uploader, payload)).Accepted, confirmed, refused, over),
            UploadUntilAsync(async () => await platform.UploadAsPipelineAsync(payload), confirmed, refused, over));

    private static async Task UploadUntilAsync(Func<Task<UploadRecord?>> upload, List<UploadRecord> confirmed, Action refused, CancellationToken over)
    {
        while (!over.IsCancellationRequested)
        {
            try
            {
                if (await upload() is { } record)
                {
                    lock (confirmed)
                    {
                        confirmed.Add(record);
                    }
                }
                else
                {
                    refused();
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or InvalidOperationException)
            {
                // Not confirmed: a pipeline or frontend would try again; the suite counts it and goes on.
                refused();
            }

            await Task.Delay(150, CancellationToken.None);
        }
    }
}
