using WidgetPlatform.AppHost.ScaleOut;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// Issue 19's cost of scale: on a platform of the scale-out profile (its own, started for this scenario), the widget hit
/// through the load balancer to three gateway replicas against one replica asked directly, alternating, and the CPU
/// each request costs the processes that served it. On two cores more replicas cannot add throughput; what this shows is
/// what the balancer's hop and the replicas cost per request.
/// </summary>
internal sealed class ScaleOutHitScenario(LoadBenchmarkOptions options, BenchmarkReport report)
{
    private const string Gateway = "query";
    private const string LoadBalancer = GatewayLoadBalancer.ResourceName;

    public async Task RunAsync()
    {
        await using var host = await TestPlatform.StartAsync(new TestPlatformOptions
        {
            DemoRows = options.DemoRows,
            AppHostSettings = new Dictionary<string, string> { ["WidgetPlatform:Profile"] = "scale-out" },
        });
        var token = host.DevTokens.Viewer;
        var path = WidgetHitScenario.DataPath;
        for (var replica = 0; replica < host.Instances(Gateway).Count; replica++)
        {
            await WarmAsync(host.CreateHttpClient(Gateway, replica, token), path);
        }

        var single = new LoadTarget("scale_out_hit_single", new Uri(host.Endpoint(Gateway), path), token, "one gateway replica of the scale-out platform, asked directly");
        var balanced = new LoadTarget("scale_out_hit_balanced", new Uri(host.Endpoint(LoadBalancer), path), token, "YARP in front of three gateway replicas");
        Console.WriteLine($"scale_out_hit: {WidgetHitScenario.Widget} through {LoadBalancer} and on one replica; {options.Rounds} round(s) of {options.RoundDuration.TotalSeconds:0} s");
        var results = await AlternatingLoad.RunAsync([single, balanced], options);
        foreach (var target in new[] { single, balanced })
        {
            var result = results[target.Name];
            var baseline = target == single ? null : results[single.Name];
            var settings = AlternatingLoad.Settings(options, result, target.Note);
            report.Add(target.Name, result.RequestsPerSecond, "req/s", baseline?.RequestsPerSecond, settings);
            report.Add($"{target.Name}_p50", result.P50Ms, "ms", baseline?.P50Ms, settings);
            report.Add($"{target.Name}_p99", result.P99Ms, "ms", baseline?.P99Ms, settings);
        }

        // Alone, each once more, for what it costs: every gateway replica and the balancer, whichever served.
        var servers = host.Instances(Gateway).Concat(host.Instances(LoadBalancer)).Select(instance => instance.Pid).OfType<int>().ToList();
        foreach (var target in new[] { single, balanced })
        {
            var before = ProcessTreeCpu.Milliseconds(servers);
            var run = await Wrk.RunAsync(target.Url, options.WrkThreads, options.Connections, options.RoundDuration, target.Token, target.Script);
            var cpuMs = ProcessTreeCpu.Milliseconds(servers) - before;
            report.Add($"{target.Name}_cpu_per_request", cpuMs * 1_000 / Math.Max(1, run.Requests), "µs",
                settings: AlternatingLoad.Settings(options, run, $"{target.Note}; CPU of the gateway replicas and the balancer, /proc, one more run alone"));
        }
    }

    private static async Task WarmAsync(HttpClient client, string path)
    {
        using (client)
        {
            for (var attempt = 0; !(await WidgetAnswer.GetAsync(client, path)).IsHit; attempt++)
            {
                if (attempt == 50)
                {
                    throw new InvalidOperationException($"{path} never answered a hit on {client.BaseAddress}.");
                }

                await Task.Delay(100);
            }
        }
    }
}
