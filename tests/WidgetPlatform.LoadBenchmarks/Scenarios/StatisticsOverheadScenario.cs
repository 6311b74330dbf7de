using System.Globalization;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// What counting costs the hit path (issue 17: within 3%): the in-memory widget hit on a gateway as shipped, which counts
/// every answer for the fleet, per widget, per entry and in its meters, against one that counts nothing
/// (<c>WidgetPlatform:Statistics:Enabled=false</c>), alternating within one run. statistics_overhead's ratio is on / off.
/// </summary>
/// <remarks>
/// Both are copies started for this scenario alone, alike in everything but the one setting: the AppHost's own gateway,
/// measured against a copy with both counting, ran 17% faster or slower than it (0.83 in a medium run) for reasons of its
/// own (its age, the other scenarios' traffic), which would drown a 3% difference.
/// </remarks>
internal sealed class StatisticsOverheadScenario(BenchPlatform platform, LoadBenchmarkOptions runOptions, BenchmarkReport report)
{
    /// <summary>Three times the run's rounds: a 3% difference needs more than the two or three medians the other scenarios take.</summary>
    private readonly LoadBenchmarkOptions options = runOptions with { Rounds = runOptions.Rounds * 3 };

    public async Task RunAsync()
    {
        await platform.StartGatewaysAsync(BenchPlatform.WithL1StatisticsOn, BenchPlatform.WithL1StatisticsOff);
        try
        {
            await platform.WarmAsync(WidgetHitScenario.DataPath, BenchPlatform.WithL1StatisticsOn, BenchPlatform.WithL1StatisticsOff);
            var path = WidgetHitScenario.DataPath;
            var token = platform.ViewerToken;
            LoadTarget on = new("widget_hit_statistics_on", new Uri(platform.Gateway(BenchPlatform.WithL1StatisticsOn), path), token, "gateway as shipped: every answer counted");
            LoadTarget off = new("widget_hit_statistics_off", new Uri(platform.Gateway(BenchPlatform.WithL1StatisticsOff), path), token, "gateway counting no answers");
            Console.WriteLine($"statistics_overhead: {WidgetHitScenario.Widget} from memory, counted against not counted; {options.Rounds} round(s) of {options.RoundDuration.TotalSeconds:0} s");
            var results = await AlternatingLoad.RunAsync([on, off], options);

            foreach (var target in new[] { on, off })
            {
                var settings = AlternatingLoad.Settings(options, results[target.Name], target.Note);
                report.Add(target.Name, results[target.Name].RequestsPerSecond, "req/s", settings: settings);
                report.Add($"{target.Name}_p99", results[target.Name].P99Ms, "ms", settings: settings);
            }

            var overhead = new Dictionary<string, string>
            {
                ["note"] = "widget_hit_statistics_on / widget_hit_statistics_off, median rounds; goal ≥ 0.97",
                ["rounds"] = options.Rounds.ToString(CultureInfo.InvariantCulture),
            };
            report.Add("statistics_overhead", results[on.Name].RequestsPerSecond, "req/s", results[off.Name].RequestsPerSecond, overhead);
        }
        finally
        {
            await platform.StopGatewaysAsync(BenchPlatform.WithL1StatisticsOn, BenchPlatform.WithL1StatisticsOff);
        }
    }
}
