using System.Globalization;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// Drives every target with wrk in rounds, target after target, and keeps the median round of each: whatever else the
/// machine does falls on the ceiling and the contenders alike. Each target is warmed up (JIT, pools, connections) first.
/// </summary>
internal static class AlternatingLoad
{
    public static async Task<IReadOnlyDictionary<string, WrkResult>> RunAsync(IReadOnlyList<LoadTarget> targets, LoadBenchmarkOptions options)
    {
        foreach (var target in targets)
        {
            await RunOnceAsync(target, options, options.Warmup);
        }

        var rounds = targets.ToDictionary(target => target.Name, _ => new List<WrkResult>());
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var target in targets)
            {
                var result = await RunOnceAsync(target, options, options.RoundDuration);
                rounds[target.Name].Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    round {round}/{options.Rounds} {target.Name,-32} {result.RequestsPerSecond,10:N0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms  p99.9 {result.P999Ms,6:F2} ms  errors {result.Errors}  load {Machine.LoadAverage()}"));
            }
        }

        return rounds.ToDictionary(pair => pair.Key, pair => Median(pair.Value));
    }

    /// <summary>The settings every figure of an alternating run carries.</summary>
    public static Dictionary<string, string> Settings(LoadBenchmarkOptions options, WrkResult result, string note) => new()
    {
        ["tool"] = "wrk --latency",
        ["threads"] = options.WrkThreads.ToString(CultureInfo.InvariantCulture),
        ["connections"] = options.Connections.ToString(CultureInfo.InvariantCulture),
        ["roundSeconds"] = options.RoundDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ["rounds"] = options.Rounds.ToString(CultureInfo.InvariantCulture),
        ["statistic"] = "median of rounds",
        ["requests"] = result.Requests.ToString(CultureInfo.InvariantCulture),
        ["errors"] = result.Errors.ToString(CultureInfo.InvariantCulture),
        ["note"] = result.Errors > 0 ? $"{note}; {result.Errors} ERRORS" : note,
    };

    private static Task<WrkResult> RunOnceAsync(LoadTarget target, LoadBenchmarkOptions options, TimeSpan duration) =>
        Wrk.RunAsync(target.Url, options.WrkThreads, options.Connections, duration, target.Token, target.Script);

    /// <summary>Each statistic's median over the rounds; errors and requests summed.</summary>
    private static WrkResult Median(List<WrkResult> results) => new(
        Middle(results.Select(r => r.RequestsPerSecond)),
        Middle(results.Select(r => r.P50Ms)),
        Middle(results.Select(r => r.P90Ms)),
        Middle(results.Select(r => r.P99Ms)),
        results.All(r => r.P999Ms is not null) ? Middle(results.Select(r => r.P999Ms!.Value)) : null,
        results.Sum(r => r.Requests),
        results.Sum(r => r.SocketErrors),
        results.Sum(r => r.Timeouts),
        results.Sum(r => r.Non2xx3xx),
        results[^1].Counters,
        results[^1].Output);

    private static double Middle(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
