using System.Diagnostics;
using System.Globalization;
using WidgetPlatform.LoadBenchmarks;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Scenarios;

// Load benchmarks of the running platform against ceilings and peers measured in the same run (issue 7).
var options = LoadBenchmarkOptions.Parse(args);
var runSettings = new Dictionary<string, string>
{
    ["mode"] = options.Mode,
    ["processors"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
    ["loadAverageAtStart"] = Machine.LoadAverage(),
    ["loadGeneratorSharesMachine"] = "true",
};
if (options.GatewayEnvironment.Count > 0)
{
    runSettings["gatewayEnvironment"] = string.Join(' ', options.GatewayEnvironment.Select(pair => $"{pair.Key}={pair.Value}"));
}

var report = new BenchmarkReport(runSettings);
Console.WriteLine($"mode {options.Mode}; {Environment.ProcessorCount} cores; load average {runSettings["loadAverageAtStart"]} at start.");
Console.WriteLine("The load generators (wrk, redis-benchmark, this process) share these cores with Redis, RabbitMQ and the services:");
Console.WriteLine("every figure is taken under that contention. Compare ratios to the ceiling of the same run, not absolutes.");

var failures = new List<string>();
// scale_out_hit alone needs only its own platform.
if (options.Only is not ["scale_out_hit"])
{
    await using var platform = await BenchPlatform.StartAsync(options);
    Console.WriteLine($"platform up: gateway {platform.Gateway(BenchPlatform.WithL1)} (L1 on), {platform.Gateway(BenchPlatform.WithoutL1)} (L1 off); load {Machine.LoadAverage()}");
    var warm = new InvalidationWarmScenario(platform, options, report);
    var scenarios = new List<(string Name, Func<Task> Run)>
    {
        ("widget_hit", () => new WidgetHitScenario(platform, options, report).RunAsync()),
        ("statistics_overhead", () => new StatisticsOverheadScenario(platform, options, report).RunAsync()),
        ("dashboard_batch", () => new DashboardScenario(platform, options, report).RunAsync()),
        ("connections", () => new ConnectionsScenario(platform, options, report).RunAsync()),
        ("redis_bytes_per_entry", () => new RedisMemoryScenario(platform, options, report).RunAsync()),
        ("upload_to_fresh", () => new InvalidationFreshScenario(platform, report).RunAsync(options.Uploads, options.UploadRows, options.WarmupUploads, suffix: "")),
        ("browser", () => new BrowserFreshScenario(platform, options, report).RunAsync()),
    };
    scenarios.AddRange(options.WarmCombinations.Select(combinations =>
    {
        var name = combinations == 1_000 ? "warm_1000" : $"invalidation_to_warm_{combinations}";
        return (name, (Func<Task>)(() => warm.RunAsync(combinations, name)));
    }));
    if (options.LargeUploads > 0)
    {
        scenarios.Add(("upload_to_fresh_1m", () => new InvalidationFreshScenario(platform, report).RunAsync(options.LargeUploads, options.LargeUploadRows, warmupUploads: 1, suffix: "_1m")));
    }

    if (options.ZipfDuration > TimeSpan.Zero)
    {
        scenarios.Add(("hit_rate_zipf", () => new ZipfScenario(platform, options, report).RunAsync()));
    }

    foreach (var (name, run) in scenarios.Where(scenario => options.Runs(scenario.Name)))
    {
        await RunScenarioAsync(name, run);
    }
}

// On a platform of the scale-out profile of its own, after the other is gone: medium and full runs, or when named.
if (options.Runs("scale_out_hit") && (options.Mode != "quick" || options.Only.Count > 0))
{
    await RunScenarioAsync("scale_out_hit", () => new ScaleOutHitScenario(options, report).RunAsync());
}

if (options.ComputeResultsPath is { } computePath)
{
    ComputeResults.AddTo(report, computePath);
}

report.PrintTable(Console.Out);
Console.WriteLine($"load average at the end {Machine.LoadAverage()} (at start {runSettings["loadAverageAtStart"]}); the load generators shared the machine with the servers.");
await report.WriteJsonAsync(options.OutputPath);
Console.WriteLine($"results written to {Path.GetFullPath(options.OutputPath)}");
foreach (var failure in failures)
{
    Console.Error.WriteLine($"scenario failed: {failure}");
}

return failures.Count == 0 ? 0 : 1;

async Task RunScenarioAsync(string name, Func<Task> run)
{
    var watch = Stopwatch.StartNew();
    try
    {
        await run();
    }
    catch (Exception exception) when (exception is not OutOfMemoryException)
    {
        // A broken harness fails the run (that is what --quick in CI is for); a poor number never does.
        failures.Add($"{name}: {exception.GetType().Name}: {exception.Message}");
        Console.WriteLine($"  {name} FAILED: {exception}");
    }

    Console.WriteLine($"  [{name} took {watch.Elapsed.TotalSeconds:F0} s; load {Machine.LoadAverage()}]");
}
