using System.Globalization;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Servers;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// widget_hit, widget_hit_l2, the peers and redis_get against ceiling_static: one cached widget, the same bytes everywhere,
/// the same dev viewer token for everything that checks auth, 64 connections.
/// </summary>
internal sealed class WidgetHitScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    /// <summary>A top-10 table: a body of about a kilobyte, the size the machine's ceilings were first taken at.</summary>
    public const string Widget = "ae-top-subjects";

    public static readonly string DataPath = $"/api/studies/{BenchPlatform.Study}/widgets/{Widget}/data";

    public async Task RunAsync()
    {
        var body = await WarmGatewayAsync();
        Console.WriteLine($"widget_hit: {Widget}, {body.Length:N0} bytes per answer, auth on; targets alternate {options.Rounds} round(s) of {options.RoundDuration.TotalSeconds:0} s");
        var sources = new Dictionary<string, PeerSource>();
        PeerSource Source(string name) => sources[name] = new PeerSource(body);
        var redis = platform.RedisConfiguration;
        var key = platform.SigningKey;

        await using var ceiling = await StaticCeiling.StartAsync(new Dictionary<string, byte[]> { ["widget"] = body });
        await using var hybrid = await HybridCachePeer.StartAsync("peer_hybridcache", redis, key, Source("peer_hybridcache"), localCache: true);
        await using var hybridL2 = await HybridCachePeer.StartAsync("peer_hybridcache_l2", redis, key, Source("peer_hybridcache_l2"), localCache: false);
        await using var fusion = await FusionCachePeer.StartAsync("peer_fusioncache", redis, key, Source("peer_fusioncache"));
        await using var output = await OutputCachePeer.StartAsync("peer_outputcache_redis", redis, key, Source("peer_outputcache_redis"));

        var token = platform.ViewerToken;
        var targets = new List<LoadTarget>
        {
            new("ceiling_static", new Uri(ceiling.Url, "/static/widget"), null, "bare Kestrel, same bytes, no auth"),
            new("widget_hit", new Uri(platform.Gateway(BenchPlatform.WithL1), DataPath), token, "gateway, L1 on (default), JWT"),
            new("widget_hit_l2", new Uri(platform.Gateway(BenchPlatform.WithoutL1), DataPath), token, "gateway, L1 off: hits from Redis, JWT"),
            new("peer_hybridcache", new Uri(hybrid.Url, DataPath), token, "HybridCache L1 + Redis, JwtBearer"),
            new("peer_hybridcache_l2", new Uri(hybridL2.Url, DataPath), token, "HybridCache L1 off (DisableLocalCache), Redis, JwtBearer"),
            new("peer_fusioncache", new Uri(fusion.Url, DataPath), token, "FusionCache L1 + Redis IDistributedCache, JwtBearer"),
            new("peer_outputcache_redis", new Uri(output.Url, DataPath), token, "OutputCache in Redis, JwtBearer"),
        };

        var notes = new Dictionary<string, string>();
        foreach (var target in targets)
        {
            notes[target.Name] = await CheckAsync(target, body);
        }

        var callsBefore = sources.ToDictionary(pair => pair.Key, pair => pair.Value.Calls);
        var results = await AlternatingLoad.RunAsync(targets, options);
        var redisGet = await RedisBenchmark.GetAsync(platform.Redis, body.Length, options.Connections, options.RedisBenchmarkRequests);

        var ceilingResult = results["ceiling_static"];
        foreach (var target in targets)
        {
            var result = results[target.Name];
            var settings = AlternatingLoad.Settings(options, result, target.Note + notes[target.Name]);
            settings["bytes"] = body.Length.ToString(CultureInfo.InvariantCulture);
            settings["url"] = target.Url.AbsolutePath;
            if (sources.TryGetValue(target.Name, out var source))
            {
                // A peer's factory runs only on a miss: any call during the load means some answers were not hits.
                settings["factoryCallsDuringLoad"] = (source.Calls - callsBefore[target.Name]).ToString(CultureInfo.InvariantCulture);
            }

            var isCeiling = target.Name == "ceiling_static";
            report.Add(target.Name, result.RequestsPerSecond, "req/s", isCeiling ? null : ceilingResult.RequestsPerSecond, settings);
            report.Add($"{target.Name}_p50", result.P50Ms, "ms", isCeiling ? null : ceilingResult.P50Ms, settings);
            report.Add($"{target.Name}_p99", result.P99Ms, "ms", isCeiling ? null : ceilingResult.P99Ms, settings);
        }

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

    /// <summary>Requests the widget on both replicas until each answers a hit; returns the hit body.</summary>
    private async Task<byte[]> WarmGatewayAsync()
    {
        byte[]? body = null;
        foreach (var replica in new[] { BenchPlatform.WithL1, BenchPlatform.WithoutL1 })
        {
            using var client = platform.Client(replica, platform.ViewerToken);
            for (var attempt = 0; ; attempt++)
            {
                var answer = await WidgetAnswer.GetAsync(client, DataPath);
                if (answer.IsHit)
                {
                    body ??= answer.Body;
                    break;
                }

                if (attempt == 50)
                {
                    throw new InvalidOperationException($"{DataPath} on replica {replica} never answered a hit (last: {answer.Status} {answer.Cache}).");
                }

                await Task.Delay(100);
            }
        }

        return body!;
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
