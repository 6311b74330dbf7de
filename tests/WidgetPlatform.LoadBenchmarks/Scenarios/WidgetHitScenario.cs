using System.Globalization;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Servers;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// One cached widget, the same bytes everywhere, the same dev viewer token for everything that checks auth, 64
/// connections, in two phases. As shipped: widget_hit, widget_hit_l2, the bare peers and redis_get against
/// ceiling_static. Like for like: the gateways with traces sampled as in production (widget_hit_sampled,
/// widget_hit_l2_sampled) against the same peers running the platform's ServiceDefaults with the same sampling
/// (peer_*_traced). The phases do not mix: the peers live in this process, and one traced app's OpenTelemetry listeners
/// would trace every other app here, the bare peers and the ceiling included.
/// </summary>
internal sealed class WidgetHitScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    /// <summary>A top-10 table: a body of about a kilobyte, the size the machine's ceilings were first taken at.</summary>
    public const string Widget = "ae-top-subjects";

    public static readonly string DataPath = $"/api/studies/{BenchPlatform.Study}/widgets/{Widget}/data";

    /// <summary>Per target, what its check request found wrong (empty when it answered exactly the widget's bytes).</summary>
    private readonly Dictionary<string, string> _notes = [];

    public async Task RunAsync()
    {
        var body = await platform.WarmAsync(DataPath, BenchPlatform.WithL1, BenchPlatform.WithoutL1);
        Console.WriteLine($"widget_hit: {Widget}, {body.Length:N0} bytes per answer, auth on; targets alternate {options.Rounds} round(s) of {options.RoundDuration.TotalSeconds:0} s");
        await RunAsShippedAsync(body);
        await RunLikeForLikeAsync(body);
    }

    private async Task RunAsShippedAsync(byte[] body)
    {
        Console.WriteLine("  as shipped: gateways tracing every request (Aspire's default), peers without telemetry");
        await using var ceiling = await StaticCeiling.StartAsync(new Dictionary<string, byte[]> { ["widget"] = body });
        await using var peers = await PeerSet.StartAsync(platform.RedisConfiguration, platform.SigningKey, body, traced: false);
        var token = platform.ViewerToken;
        var ceilingTarget = new LoadTarget("ceiling_static", new Uri(ceiling.Url, "/static/widget"), null, "bare Kestrel, same bytes, no auth");
        List<LoadTarget> targets =
        [
            ceilingTarget,
            new("widget_hit", new Uri(platform.Gateway(BenchPlatform.WithL1), DataPath), token, "gateway, L1 on (default), JWT"),
            new("widget_hit_l2", new Uri(platform.Gateway(BenchPlatform.WithoutL1), DataPath), token, "gateway, L1 off: hits from Redis, JWT"),
            .. peers.Targets(DataPath, token),
        ];

        var results = await RunTargetsAsync(targets, body, peers);
        var ceilingResult = results["ceiling_static"];
        foreach (var target in targets)
        {
            AddFigures(target, results[target.Name], body, peers, target == ceilingTarget ? null : ceilingResult);
        }

        Compare("widget_hit", results, PeerSet.InMemory(traced: false), "as shipped");
        Compare("widget_hit_l2", results, PeerSet.ThroughRedis(traced: false), "as shipped");
        await MeasureCostAsync(targets[1], BenchPlatform.WithL1);
        await MeasureCostAsync(targets[2], BenchPlatform.WithoutL1);

        var redisGet = await RedisBenchmark.GetAsync(platform.Redis, body.Length, options.Connections, options.RedisBenchmarkRequests);
        var redisSettings = new Dictionary<string, string>
        {
            ["tool"] = $"redis-benchmark -t set,get -d {body.Length} -c {options.Connections} -n {options.RedisBenchmarkRequests}, no pipelining",
            ["bytes"] = body.Length.ToString(CultureInfo.InvariantCulture),
            ["note"] = "the platform's Redis, one GET per request: what an L2 hit path is built on",
        };
        report.Add("redis_get", redisGet.RequestsPerSecond, "req/s", ceilingResult.RequestsPerSecond, redisSettings);
        report.Add("redis_get_p50", redisGet.P50Ms, "ms", ceilingResult.P50Ms, redisSettings);
        report.Add("redis_get_p99", redisGet.P99Ms, "ms", ceilingResult.P99Ms, redisSettings);
    }

    private async Task RunLikeForLikeAsync(byte[] body)
    {
        Console.WriteLine($"  like for like: gateways and peers on the platform's ServiceDefaults, traces sampled alike ({string.Join(", ", ProductionSampling.Environment.Select(setting => $"{setting.Key}={setting.Value}"))})");
        await platform.StartSampledGatewaysAsync();
        try
        {
            await platform.WarmAsync(DataPath, BenchPlatform.WithL1Sampled, BenchPlatform.WithoutL1Sampled);
            await using var peers = await PeerSet.StartAsync(platform.RedisConfiguration, platform.SigningKey, body, traced: true);
            var token = platform.ViewerToken;
            List<LoadTarget> targets =
            [
                new("widget_hit_sampled", new Uri(platform.Gateway(BenchPlatform.WithL1Sampled), DataPath), token, "gateway, L1 on, JWT, traces sampled"),
                new("widget_hit_l2_sampled", new Uri(platform.Gateway(BenchPlatform.WithoutL1Sampled), DataPath), token, "gateway, L1 off, JWT, traces sampled"),
                .. peers.Targets(DataPath, token),
            ];

            var results = await RunTargetsAsync(targets, body, peers);
            foreach (var target in targets)
            {
                AddFigures(target, results[target.Name], body, peers, ceiling: null);
            }

            Compare("widget_hit_sampled", results, PeerSet.InMemory(traced: true), "like for like");
            Compare("widget_hit_l2_sampled", results, PeerSet.ThroughRedis(traced: true), "like for like");
            await MeasureCostAsync(targets[0], BenchPlatform.WithL1Sampled);
            await MeasureCostAsync(targets[1], BenchPlatform.WithoutL1Sampled);
        }
        finally
        {
            await platform.StopSampledGatewaysAsync();
        }
    }

    private async Task<IReadOnlyDictionary<string, WrkResult>> RunTargetsAsync(IReadOnlyList<LoadTarget> targets, byte[] body, PeerSet peers)
    {
        foreach (var target in targets)
        {
            _notes[target.Name] = await CheckAsync(target, body);
        }

        peers.MarkCalls();
        return await AlternatingLoad.RunAsync(targets, options);
    }

    private void AddFigures(LoadTarget target, WrkResult result, byte[] body, PeerSet peers, WrkResult? ceiling)
    {
        var settings = AlternatingLoad.Settings(options, result, target.Note + _notes[target.Name]);
        settings["bytes"] = body.Length.ToString(CultureInfo.InvariantCulture);
        settings["url"] = target.Url.AbsolutePath;
        if (peers.CallsSinceMark(target.Name) is { } calls)
        {
            // A peer's factory runs only on a miss: any call during the load means some answers were not hits.
            settings["factoryCallsDuringLoad"] = calls.ToString(CultureInfo.InvariantCulture);
        }

        report.Add(target.Name, result.RequestsPerSecond, "req/s", ceiling?.RequestsPerSecond, settings);
        report.Add($"{target.Name}_p50", result.P50Ms, "ms", ceiling?.P50Ms, settings);
        report.Add($"{target.Name}_p99", result.P99Ms, "ms", ceiling?.P99Ms, settings);
        if (result.P999Ms is { } p999)
        {
            report.Add($"{target.Name}_p999", p999, "ms", ceiling?.P999Ms, settings);
        }
    }

    /// <summary>
    /// Ours against the best of its peers in the same phase: throughput against the highest (ratio ≥ 1 is ahead), p99
    /// and p99.9 against the lowest (ratio ≤ 1 is ahead).
    /// </summary>
    private void Compare(string ours, IReadOnlyDictionary<string, WrkResult> results, IReadOnlyList<string> peers, string phase)
    {
        var fastest = peers.MaxBy(peer => results[peer].RequestsPerSecond)!;
        var lowestP99 = peers.MinBy(peer => results[peer].P99Ms)!;
        var settings = new Dictionary<string, string>
        {
            ["phase"] = phase,
            ["peers"] = string.Join(", ", peers),
            ["note"] = $"{ours} against {fastest} (highest req/s) and {lowestP99} (lowest p99)",
        };
        report.Add($"{ours}_vs_best_peer", results[ours].RequestsPerSecond, "req/s", results[fastest].RequestsPerSecond, settings);
        report.Add($"{ours}_p99_vs_best_peer", results[ours].P99Ms, "ms", results[lowestP99].P99Ms, settings);
        if (results[ours].P999Ms is { } p999 && peers.All(peer => results[peer].P999Ms is not null))
        {
            report.Add($"{ours}_p999_vs_best_peer", p999, "ms", peers.Min(peer => results[peer].P999Ms!.Value), settings);
        }
    }

    /// <summary>
    /// What one of our gateways spends per request: one more wrk run of its target alone, and the process's own figures
    /// (published each second) before and after, divided by the requests sent. The peers share this process, so theirs
    /// cannot be told apart.
    /// </summary>
    private async Task MeasureCostAsync(LoadTarget target, int gateway)
    {
        var service = BenchPlatform.GatewayService(gateway);
        var before = await ProcessCost.ReadAsync(platform, service);
        var run = await Wrk.RunAsync(target.Url, options.WrkThreads, options.Connections, options.RoundDuration, target.Token);
        var cost = ProcessCost.Between(before, await ProcessCost.ReadAsync(platform, service));
        var requests = Math.Max(1, run.Requests);
        var settings = new Dictionary<string, string>
        {
            ["requests"] = run.Requests.ToString(CultureInfo.InvariantCulture),
            ["requestsPerSecond"] = run.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
            ["collections"] = $"gen0 {cost.Gen0}, gen1 {cost.Gen1}, gen2 {cost.Gen2}",
            ["gcPauseMs"] = cost.GcPauseMs.ToString("F1", CultureInfo.InvariantCulture),
            ["note"] = $"{service}: one more {options.RoundDuration.TotalSeconds:0} s wrk run alone; growth of the process's published figures / requests",
        };
        report.Add($"{target.Name}_bytes_per_request", cost.AllocatedBytes / (double)requests, "bytes", settings: settings);
        report.Add($"{target.Name}_cpu_per_request", cost.CpuMs * 1000 / requests, "us", settings: settings);
        report.Add($"{target.Name}_gc_pause_share", cost.GcPauseMs / options.RoundDuration.TotalMilliseconds * 100, "%", settings: settings);
    }

    /// <summary>One request as wrk will send it: must be 200 with exactly the widget's bytes, or the figure says so.</summary>
    private static async Task<string> CheckAsync(LoadTarget target, byte[] body)
    {
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
            if (target.Token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", target.Token);
            }

            using var response = await client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (attempt == 1)
            {
                var problem = !response.IsSuccessStatusCode ? $"; CHECK FAILED: {(int)response.StatusCode}"
                    : !bytes.AsSpan().SequenceEqual(body) ? $"; CHECK FAILED: {bytes.Length} bytes, not the widget's {body.Length}" : "";
                if (problem.Length > 0)
                {
                    Console.WriteLine($"  {target.Name}{problem}");
                }

                return problem;
            }
        }

        return "";
    }
}
