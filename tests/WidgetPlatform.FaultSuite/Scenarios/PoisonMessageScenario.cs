using WidgetPlatform.Data.Demo;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;

namespace WidgetPlatform.FaultSuite.Scenarios;

/// <summary>
/// Poison and malformed messages mixed into a stream of good uploads, as pipelines publish them: every bad one must reach
/// its error queue with a reason, every good one be applied, duplicates and older versions change nothing visible, and
/// no queue be left with messages.
/// </summary>
public sealed class PoisonMessageScenario(FaultPlatform platform, FaultSuiteOptions options, ReliabilityReport report)
{
    private const string Dataset = FaultPlatform.Dataset;
    private const int Rows = FaultPlatform.UploadRows;
    private const string DataUploaded = "WidgetPlatform.Contracts:DataUploaded";
    private const string PipelineCompleted = "WidgetPlatform.Contracts:PipelineCompleted";
    private const string WidgetChanged = "WidgetPlatform.Contracts:WidgetConfigurationChanged";

    private static readonly string[] ServiceQueues = BrokerQueues.InvalidationQueues;

    public async Task RunAsync()
    {
        var result = report.Scenario("poison_messages");
        await using var broker = await BrokerQueues.ListenAsync(platform.Host);
        var errorQueues = ServiceQueues.Select(queue => $"{queue}_error").ToArray();
        foreach (var queue in errorQueues)
        {
            await broker.TakeAllAsync(queue);
        }

        var payload = await DemoDataGenerator.AdverseEventsUploadAsync(Rows, seed: 42);
        var poison = Poison().ToList();
        var good = new List<string>();
        var started = History.SuiteClock.NowMs;
        for (var round = 0; round < options.PoisonRounds; round++)
        {
            good.Add(await platform.Pipeline.UploadAsync(FaultPlatform.Study, Dataset, payload, Rows));
            // A pipeline's retry of the same message, and a late announcement of a version already superseded.
            await platform.Pipeline.AnnounceAsync(FaultPlatform.Study, Dataset, good[^1], Rows);
            if (good.Count > 1)
            {
                await platform.Pipeline.AnnounceAsync(FaultPlatform.Study, Dataset, good[0], Rows);
            }

            foreach (var message in poison.Where((_, index) => index % options.PoisonRounds == round))
            {
                await platform.Pipeline.PublishRawAsync(message.Exchange, message.Body);
            }
        }

        var served = await platform.ServesEverywhereAsync(good[^1]);
        var settledMs = History.SuiteClock.NowMs - started;
        var refused = await RefusedAsync(broker, poison);
        var leftInQueues = await DepthsAsync(broker);
        var announced = broker.Announced(FaultPlatform.Study, Dataset).Select(announcement => announcement.Version).ToList();

        result.Figure("good_uploads", good.Count, "messages");
        result.Figure("poison_messages", poison.Count, "messages");
        result.Figure("duplicates_and_older", (2 * good.Count) - 1, "messages");
        result.Figure("announcements", announced.Count, "messages");
        result.Figure("stream_settled_ms", settledMs, "ms");
        var missing = poison.Where(message => !refused.TryGetValue(message.Marker, out var reason) || string.IsNullOrWhiteSpace(reason)).ToList();
        result.Check("every poison message in its error queue with a reason", missing.Count == 0,
            missing.Count == 0 ? $"{poison.Count} of {poison.Count}" : "missing: " + string.Join(", ", missing.Select(message => message.Kind)));
        result.Check("every good upload applied: the last is served by every replica", served, $"last {good[^1]}");
        result.Check("no version announced twice, and only uploaded ones", announced.Count == announced.Distinct(StringComparer.Ordinal).Count() && announced.All(good.Contains),
            $"announced {string.Join(", ", announced)}");
        result.Check("the service's queues drained", leftInQueues == 0, $"{leftInQueues} messages left");
    }

    private static IEnumerable<PoisonMessage> Poison()
    {
        string Marker(string kind) => $"poison-{kind}-{Guid.NewGuid():N}";
        var study = FaultPlatform.Study;
        var at = DateTimeOffset.UtcNow.ToString("O");
        PoisonMessage Uploaded(string kind, Func<string, string> body)
        {
            var marker = Marker(kind);
            return new PoisonMessage(kind, DataUploaded, body(marker), "invalidation-data-uploaded_error", marker);
        }

        yield return Uploaded("not-json", marker => $$"""{"studyId":"{{study}}","marker":"{{marker}}", oops""");
        yield return Uploaded("no-version", marker => $$"""{"studyId":"{{study}}","dataset":"{{Dataset}}","marker":"{{marker}}"}""");
        yield return Uploaded("version-not-a-string", marker => $$"""{"studyId":"{{study}}","dataset":"{{Dataset}}","sourceVersion":42,"marker":"{{marker}}"}""");
        yield return Uploaded("unknown-study", marker => $$"""{"studyId":"NOSUCH-{{marker[^8..]}}","dataset":"{{Dataset}}","sourceVersion":"2026-01-01-000000","uploadedAt":"{{at}}","marker":"{{marker}}"}""");
        yield return Uploaded("missing-folder", marker => $$"""{"studyId":"{{study}}","dataset":"{{Dataset}}","sourceVersion":"2099-12-31-235959","uploadedAt":"{{at}}","marker":"{{marker}}"}""");
        yield return Uploaded("bad-identifier", marker => $$"""{"studyId":"{{study}}","dataset":"../{{Dataset}}","sourceVersion":"2026-01-01-000000","uploadedAt":"{{at}}","marker":"{{marker}}"}""");
        yield return Uploaded("bad-version", marker => $$"""{"studyId":"{{study}}","dataset":"{{Dataset}}","sourceVersion":"yesterday","uploadedAt":"{{at}}","marker":"{{marker}}"}""");
        yield return Uploaded("oversized", marker => $$"""{"studyId":"{{study}}","marker":"{{marker}}","padding":"{{new string('x', 4_000_000)}}", oops""");
        var completed = Marker("empty-datasets");
        yield return new PoisonMessage("empty-datasets", PipelineCompleted,
            $$"""{"studyId":"{{study}}","pipelineId":"p","transformedVersion":"2026-01-01-000000","datasets":[],"completedAt":"{{at}}","marker":"{{completed}}"}""",
            "invalidation-pipeline-completed_error", completed);
        var revision = Marker("negative-revision");
        yield return new PoisonMessage("negative-revision", WidgetChanged,
            $$"""{"studyId":"{{study}}","widgetId":"ae-total","revision":-1,"changedAt":"{{at}}","marker":"{{revision}}"}""",
            "invalidation-widget-configuration-changed_error", revision);
    }

    /// <summary>Marker → reason, of the poison messages found in their error queues (within 30 s).</summary>
    private static async Task<Dictionary<string, string?>> RefusedAsync(BrokerQueues broker, List<PoisonMessage> poison)
    {
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (found.Count < poison.Count && DateTime.UtcNow < deadline)
        {
            foreach (var queue in poison.Select(message => message.ErrorQueue).Distinct(StringComparer.Ordinal))
            {
                foreach (var (body, reason) in await broker.TakeAllAsync(queue))
                {
                    if (poison.FirstOrDefault(message => message.ErrorQueue == queue && body.Contains(message.Marker, StringComparison.Ordinal)) is { } message)
                    {
                        found[message.Marker] = reason;
                    }
                }
            }

            await Task.Delay(250);
        }

        return found;
    }

    private static async Task<long> DepthsAsync(BrokerQueues broker)
    {
        long left = 0;
        foreach (var queue in ServiceQueues)
        {
            left += await broker.DepthAsync(queue);
        }

        return left;
    }
}
