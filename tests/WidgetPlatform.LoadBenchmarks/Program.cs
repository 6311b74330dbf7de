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
var report = new BenchmarkReport(runSettings);
Console.WriteLine($"mode {options.Mode}; {Environment.ProcessorCount} cores; load average {runSettings["loadAverageAtStart"]} at start.");
Console.WriteLine("The load generators (wrk, redis-benchmark, this process) share these cores with Redis, RabbitMQ and the services:");
Console.WriteLine("every figure is taken under that contention. Compare ratios to the ceiling of the same run, not absolutes.");

await using (var platform = await BenchPlatform.StartAsync(options))
{
    Console.WriteLine($"platform up: gateway {platform.Gateway(BenchPlatform.WithL1)} (L1 on), {platform.Gateway(BenchPlatform.WithoutL1)} (L1 off); load {Machine.LoadAverage()}");
    if (options.Runs("widget_hit"))
    {
        await new WidgetHitScenario(platform, options, report).RunAsync();
    }

    if (options.Runs("dashboard_batch"))
    {
        await new DashboardScenario(platform, options, report).RunAsync();
    }

    if (options.Runs("connections"))
    {
        await new ConnectionsScenario(platform, options, report).RunAsync();
    }

    if (options.Runs("redis_bytes_per_entry"))
    {
        await new RedisMemoryScenario(platform, options, report).RunAsync();
    }

    if (options.Runs("invalidation_to_fresh"))
    {
        await new InvalidationFreshScenario(platform, options, report).RunAsync();
    }

    var warm = new InvalidationWarmScenario(platform, options, report);
    foreach (var combinations in options.WarmCombinations)
    {
        var figure = combinations == 1_000 ? "warm_1000" : "invalidation_to_warm";
        if (options.Runs(figure))
        {
            await warm.RunAsync(combinations, combinations == 1_000 ? figure : $"{figure}_{combinations}");
        }
    }

    if (options.Runs("hit_rate_zipf") && options.ZipfDuration > TimeSpan.Zero)
    {
        await new ZipfScenario(platform, options, report).RunAsync();
    }
}

if (options.ComputeResultsPath is { } computePath)
{
    ComputeResults.AddTo(report, computePath);
}

report.PrintTable(Console.Out);
Console.WriteLine($"load average at the end {Machine.LoadAverage()} (at start {runSettings["loadAverageAtStart"]}); the load generators shared the machine with the servers.");
await report.WriteJsonAsync(options.OutputPath);
Console.WriteLine($"results written to {Path.GetFullPath(options.OutputPath)}");
