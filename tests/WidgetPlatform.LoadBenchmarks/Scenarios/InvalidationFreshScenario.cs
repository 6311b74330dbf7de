using System.Diagnostics;
using System.Globalization;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// upload_to_fresh: from the upload's 202 (the version is published) to the first answer carrying the new version,
/// polling the data endpoint of the L1 replica every millisecond. The SSE <c>version-changed</c> arrival is recorded
/// beside it (upload_to_event, the messaging part of the window), and so is the upload request itself; first_fresh_misses
/// counts the gateways' own computations over the uploads, i.e. first answers the warmer's pass did not provide.
/// </summary>
internal sealed class InvalidationFreshScenario(BenchPlatform platform, BenchmarkReport report)
{
    /// <summary>A priority widget, so the warmer races the first poll for it: what a dashboard open on it sees.</summary>
    private static readonly string DataPath = $"/api/studies/{BenchPlatform.Study}/widgets/ae-by-severity/data";

    /// <summary>
    /// The pause between polls: back-to-back polls would keep one of this machine's two cores busy answering them, and the
    /// figures would measure that contention instead of the path from upload to fresh answer. Adds up to ~1 ms to each window.
    /// </summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    /// <param name="warmupUploads">
    /// Uploads before the measured ones, not in the percentiles: the services' event path and the warmer's pass are code that
    /// runs once per upload, and tiered compilation with dynamic PGO reaches its final code only after ~30 calls at tier 0,
    /// ~30 more instrumented, and the delays between (the pass ran 2-5x slower until about the 70th upload after start).
    /// </param>
    /// <param name="suffix">Appended to every figure's name: "" for the standard run, "_1m" for the 1,000,000-row one.</param>
    public async Task RunAsync(int uploads, int uploadRows, int warmupUploads, string suffix)
    {
        Console.WriteLine($"upload_to_fresh{suffix}: {uploads} uploads of {uploadRows:N0} AE rows to {BenchPlatform.Study}, polling {DataPath}");
        byte[][] files = [await DemoDataGenerator.AdverseEventsUploadAsync(uploadRows, 1), await DemoDataGenerator.AdverseEventsUploadAsync(uploadRows, 2)];
        using var poller = platform.Client(BenchPlatform.WithL1, platform.ViewerToken);
        await using var events = await StudyEventRecorder.OpenAsync(platform.Client(BenchPlatform.WithL1, platform.ViewerToken), BenchPlatform.Study);
        await WidgetAnswer.GetAsync(poller, DataPath);

        // The first upload after start runs every service's cold path once (JIT, the study's first manifest lock, the
        // first fan-out delivery): measured and reported apart, so the percentiles describe a platform that is running.
        var coldStart = await MeasureUploadAsync(files[^1], poller, events);
        for (var warmup = 1; warmup < warmupUploads; warmup++)
        {
            await MeasureUploadAsync(files[warmup % files.Length], poller, events);
        }

        var countersBefore = await GatewayCounters.ReadAsync(platform);
        using var stalls = StallProbe.Start();

        var fresh = new List<double>();
        var toEvent = new List<double>();
        var toAnnounce = new List<double>();
        var announceToEvent = new List<double>();
        var upload = new List<double>();
        var toWarmed = new List<double>();
        var passDurations = new List<double>();
        var firstResults = new Dictionary<string, int>();
        for (var i = 0; i < uploads; i++)
        {
            var measured = await MeasureUploadAsync(files[i % files.Length], poller, events);
            upload.Add(measured.UploadMs);
            if (measured.FreshMs is not { } freshMs)
            {
                Console.WriteLine($"  upload {i + 1}: no answer with the new version within 10 s");
                continue;
            }

            fresh.Add(freshMs);
            if (measured.WarmedMs is { } warmedMs && measured.PassMs is { } passMs)
            {
                toWarmed.Add(warmedMs);
                passDurations.Add(passMs);
            }

            firstResults[measured.FirstCache] = firstResults.GetValueOrDefault(measured.FirstCache) + 1;
            if (measured.EventMs is { } eventMs && measured.AnnouncedMs is { } announcedMs)
            {
                toEvent.Add(eventMs);
                toAnnounce.Add(announcedMs);
                announceToEvent.Add(eventMs - announcedMs);
            }
        }

        var (worstStallMs, stallSettings) = stalls.Stop();
        var countersAfter = await GatewayCounters.ReadAsync(platform);
        var computedOnRequest = countersAfter.Computations - countersBefore.Computations;
        var settings = new Dictionary<string, string>
        {
            ["uploads"] = uploads.ToString(CultureInfo.InvariantCulture),
            ["freshAnswers"] = fresh.Count.ToString(CultureInfo.InvariantCulture),
            ["uploadRows"] = uploadRows.ToString(CultureInfo.InvariantCulture),
            ["warmupUploads"] = Math.Max(1, warmupUploads).ToString(CultureInfo.InvariantCulture),
            ["widget"] = DataPath,
            ["firstFreshAnswer"] = string.Join(", ", firstResults.Select(pair => $"{pair.Key} {pair.Value}")),
            ["slowest"] = string.Join(", ", fresh.OrderDescending().Take(3).Select(ms => ms.ToString("0.0", CultureInfo.InvariantCulture))),
            ["from"] = "the upload's 202 (version written and published)",
            ["pollIntervalMs"] = PollInterval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["statistic"] = "nearest-rank percentile over the uploads",
            ["note"] = "goal p99 <= 25 ms (G1); first fresh answer: " + string.Join(", ", firstResults.Select(pair => $"{pair.Key} {pair.Value}")),
        };
        report.Add($"upload_to_fresh{suffix}_p50", Percentiles.Of(fresh, 50), "ms", settings: settings);
        report.Add($"upload_to_fresh{suffix}_p99", Percentiles.Of(fresh, 99), "ms", settings: settings);
        var missSettings = new Dictionary<string, string>(settings)
        {
            ["note"] = "goal 0: computations the gateways ran during the uploads (the poller asks only a priority widget), i.e. first fresh answers the warmer's pass did not provide",
        };
        report.Add($"first_fresh_misses{suffix}", computedOnRequest, "computations", settings: missSettings);
        // The p99 of 50 uploads is the slowest one: which half of the path it lost its time in says where to look next.
        var eventSettings = new Dictionary<string, string>(settings)
        {
            ["slowestEvents"] = string.Join("; ", toEvent.Select((ms, index) => (Ms: ms, Announced: toAnnounce[index]))
                .OrderByDescending(upload => upload.Ms).Take(3)
                .Select(upload => string.Create(CultureInfo.InvariantCulture, $"{upload.Ms:0.0} ms (announce {upload.Announced:0.0}, delivery {upload.Ms - upload.Announced:0.0})"))),
        };
        ReportPercentiles($"upload_to_event{suffix}", toEvent, eventSettings, "goal p99 <= 10 ms: 202 -> SSE version-changed on the polled replica (RabbitMQ + invalidation + fan-out)");
        // The event's own stamp (invalidatedAt: the invalidation service about to publish CacheInvalidated) splits the
        // window in two, on the one clock of this machine.
        ReportPercentiles($"invalidation_step_announce{suffix}", toAnnounce, settings, "202 -> invalidatedAt: DataUploaded delivered and consumed, the manifest advanced");
        ReportPercentiles($"invalidation_step_delivery{suffix}", announceToEvent, settings, "invalidatedAt -> SSE read: CacheInvalidated fanned out, consumed by the gateway, written to the stream");
        ReportEventPathSteps(suffix, settings, countersBefore, countersAfter);
        ReportPercentiles($"invalidation_step_warmed{suffix}", toWarmed, settings, "202 -> SSE fresh-data: the warmer's pass over the new version done and announced");
        ReportPercentiles($"warm_pass_duration{suffix}", passDurations, settings, "the announcing warm's own duration (StudyCacheWarmed.durationMs): targets, locks, and the scan and stores unless the pass ran ahead");
        var uploadSettings = new Dictionary<string, string>(settings) { ["note"] = $"PUT of a {files[0].Length / 1024:N0} KB Parquet file until its 202" };
        report.Add($"upload_request{suffix}_p50", Percentiles.Of(upload, 50), "ms", settings: uploadSettings);
        var machineSettings = new Dictionary<string, string>(settings.Concat(stallSettings))
        {
            ["note"] = "the machine's own floor under these tails: the latest a top-priority thread sleeping 1 ms woke over the measured uploads",
        };
        report.Add($"machine_stall_max{suffix}", worstStallMs, "ms", settings: machineSettings);
        var coldSettings = new Dictionary<string, string>(settings) { ["note"] = "the first upload after start, not in the percentiles (cold paths)" };
        report.Add($"upload_to_fresh{suffix}_first", coldStart.FreshMs ?? double.NaN, "ms", settings: coldSettings);
    }

    /// <summary>The p50 and p99 of one window over the uploads, with what it measures as its note.</summary>
    private void ReportPercentiles(string name, IReadOnlyList<double> values, Dictionary<string, string> settings, string note)
    {
        var withNote = new Dictionary<string, string>(settings) { ["note"] = note };
        report.Add($"{name}_p50", Percentiles.Of(values, 50), "ms", settings: withNote);
        report.Add($"{name}_p99", Percentiles.Of(values, 99), "ms", settings: withNote);
    }

    /// <summary>
    /// Each step of the event path over these uploads, as the gateways recorded it (docs/cache.md, "The event path"): the
    /// percentiles are histogram bucket bounds, so up to 50% over the exact figure.
    /// </summary>
    private void ReportEventPathSteps(string suffix, Dictionary<string, string> settings, CounterSnapshot before, CounterSnapshot after)
    {
        foreach (var step in EventPathStep.All)
        {
            var samples = GatewayCounters.StepBetween(before, after, step);
            var stepSettings = new Dictionary<string, string>(settings)
            {
                ["samples"] = samples.Count.ToString(CultureInfo.InvariantCulture),
                ["statistic"] = "histogram bucket upper bound (<= 50% over) over the steps the gateways recorded",
                ["note"] = $"event path step {step}",
            };
            var name = $"event_step_{step.Replace('.', '_')}{suffix}";
            report.Add($"{name}_p50", samples.PercentileMs(0.5) ?? double.NaN, "ms", settings: stepSettings);
            report.Add($"{name}_p99", samples.PercentileMs(0.99) ?? double.NaN, "ms", settings: stepSettings);
        }
    }

    private async Task<UploadWindow> MeasureUploadAsync(byte[] file, HttpClient poller, StudyEventRecorder events)
    {
        var started = Stopwatch.GetTimestamp();
        var version = await platform.UploadAdverseEventsAsync(BenchPlatform.Study, file);
        var accepted = Stopwatch.GetTimestamp();
        var acceptedAt = DateTimeOffset.UtcNow;

        var deadline = accepted + (10 * Stopwatch.Frequency);
        var answer = await WidgetAnswer.GetAsync(poller, DataPath);
        while (answer.DataVersion != version && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(PollInterval);
            answer = await WidgetAnswer.GetAsync(poller, DataPath);
        }

        var answered = Stopwatch.GetTimestamp();
        var uploadMs = Stopwatch.GetElapsedTime(started, accepted).TotalMilliseconds;
        if (answer.DataVersion != version)
        {
            return new UploadWindow(uploadMs, null, null, null, null, null, "none");
        }

        var changed = await events.WaitForAsync("version-changed", e => e.Data.GetProperty("currentVersion").GetString() == version, TimeSpan.FromSeconds(10));

        // Let the warmer finish with this version before the next upload, so uploads do not queue behind each other.
        var warmed = await events.WaitForAsync("fresh-data", e => e.ArrivedAt > accepted, TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        return new UploadWindow(
            uploadMs,
            Stopwatch.GetElapsedTime(accepted, answered).TotalMilliseconds,
            changed is null ? null : Stopwatch.GetElapsedTime(accepted, changed.ArrivedAt).TotalMilliseconds,
            changed is null ? null : (changed.Data.GetProperty("invalidatedAt").GetDateTimeOffset() - acceptedAt).TotalMilliseconds,
            warmed is null ? null : Stopwatch.GetElapsedTime(accepted, warmed.ArrivedAt).TotalMilliseconds,
            warmed?.Data.GetProperty("durationMs").GetDouble(),
            answer.Cache ?? "?");
    }

    /// <summary>
    /// One upload: its request, then from its 202 to the first answer, to the SSE event with the new version, to the
    /// moment the invalidation service stamped that event, and to the warmer's fresh-data (with the warm's own duration).
    /// </summary>
    private sealed record UploadWindow(
        double UploadMs, double? FreshMs, double? EventMs, double? AnnouncedMs, double? WarmedMs, double? PassMs, string FirstCache);
}
