using System.Globalization;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// hit_rate_zipf: Zipf-distributed requests over 20 studies × 12 widgets × 10 filter variants from wrk at 64 connections
/// (closed loop, no think time) for the scenario's duration, with an upload to the busiest study every interval. Every
/// combination is requested once before, as after a day of use; the hit rate counts the answers' own cache field.
/// </summary>
internal sealed class ZipfScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    public const int Studies = 20;

    public async Task RunAsync()
    {
        var studies = new List<string> { BenchPlatform.Study };
        studies.AddRange(Enumerable.Range(2, Studies - 1).Select(i => $"ZIPF-{i:00}"));
        Console.WriteLine($"hit_rate_zipf: writing {Studies - 1} studies of {options.StudyRows:N0} AE rows …");
        foreach (var study in studies.Skip(1))
        {
            await platform.WriteStudyAsync(study, options.StudyRows);
        }

        var workload = ZipfWorkload.Create(studies);
        var busiest = workload.BusiestStudy();
        var upload = await DemoDataGenerator.AdverseEventsUploadAsync(options.StudyRows, 4);
        using (var client = platform.Client(BenchPlatform.WithL1, platform.AllStudiesViewerToken))
        {
            await Parallel.ForEachAsync(workload.Paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, token) =>
                await WidgetAnswer.GetAsync(client, path, token));
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // active combinations reach Redis within a second
        Console.WriteLine($"hit_rate_zipf: {workload.Paths.Count:N0} combinations, s = {ZipfWorkload.Exponent}, {options.ZipfDuration.TotalSeconds:0} s at {options.Connections} connections; " +
            $"an upload to {busiest} ({workload.ShareOf(busiest):P0} of requests) every {options.ZipfUploadInterval.TotalSeconds:0} s");
        var script = workload.WrkScript(platform.AllStudiesViewerToken);
        using var stop = new CancellationTokenSource();
        var uploads = UploadPeriodicallyAsync(busiest, upload, stop.Token);
        WrkResult result;
        try
        {
            result = await Wrk.RunAsync(platform.Gateway(BenchPlatform.WithL1), options.WrkThreads, options.Connections, options.ZipfDuration, script: script);
        }
        finally
        {
            await stop.CancelAsync();
            File.Delete(script);
        }

        var uploaded = await uploads;
        long Count(string name) => result.Counters.GetValueOrDefault(name);
        var answered = Count("hits") + Count("misses") + Count("stale") + Count("bypass");
        var hitRate = answered > 0 ? 100.0 * Count("hits") / answered : double.NaN;
        var settings = new Dictionary<string, string>
        {
            ["tool"] = "wrk --latency with a Lua script drawing paths",
            ["threads"] = options.WrkThreads.ToString(CultureInfo.InvariantCulture),
            ["connections"] = options.Connections.ToString(CultureInfo.InvariantCulture),
            ["seconds"] = options.ZipfDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["combinations"] = workload.Paths.Count.ToString(CultureInfo.InvariantCulture),
            ["zipfExponent"] = ZipfWorkload.Exponent.ToString(CultureInfo.InvariantCulture),
            ["studyRows"] = options.StudyRows.ToString(CultureInfo.InvariantCulture),
            ["uploads"] = $"{uploaded} to {busiest} ({workload.ShareOf(busiest).ToString("P0", CultureInfo.InvariantCulture)} of requests)",
            ["requestsPerSecond"] = result.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            ["answers"] = $"hit {Count("hits")}, miss {Count("misses")}, stale {Count("stale")}, bypass {Count("bypass")}, non-200 {Count("failed")}",
            ["socketErrors"] = result.SocketErrors.ToString(CultureInfo.InvariantCulture),
            ["warmStart"] = "every combination requested once before",
        };
        settings["note"] = $"goal >= 99%; {settings["answers"]}";
        report.Add("hit_rate_zipf", hitRate, "%", settings: settings);
        report.Add("hit_rate_zipf_p50", result.P50Ms, "ms", settings: settings);
        report.Add("hit_rate_zipf_p99", result.P99Ms, "ms", settings: settings);
        report.Add("hit_rate_zipf_errors", result.Errors, "count", settings: settings);
    }

    private async Task<int> UploadPeriodicallyAsync(string study, byte[] file, CancellationToken stop)
    {
        var count = 0;
        using var timer = new PeriodicTimer(options.ZipfUploadInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var version = await platform.UploadAdverseEventsAsync(study, file, stop);
                count++;
                Console.WriteLine($"    upload {count} to {study}: {version}; load {Machine.LoadAverage()}");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return count;
    }
}
