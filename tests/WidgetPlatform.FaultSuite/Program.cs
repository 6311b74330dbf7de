using System.Diagnostics;
using WidgetPlatform.FaultSuite;
using WidgetPlatform.FaultSuite.Platform;
using WidgetPlatform.FaultSuite.Reporting;
using WidgetPlatform.FaultSuite.Scenarios;

// The fault suite of issue 18: each scenario runs against the real platform and checks its history. A failed check fails
// the run (exit 1); a figure never does.
var options = FaultSuiteOptions.Parse(args);
var report = new ReliabilityReport(options.Mode);
Console.WriteLine($"fault suite, {options.Mode} mode, {Environment.ProcessorCount} cores");

// The scenarios of the single profile, in order, on one platform.
var scenarios = new List<(string Name, Func<FaultPlatform, RefusalWatch, Task> Run)>
{
    ("stale_reads", (platform, _) => new StaleReadScenario(platform, options, report).RunAsync()),
    ("hostile_input", (platform, _) => new HostileInputScenario(platform, options, report).RunAsync()),
    ("poison_messages", (platform, _) => new PoisonMessageScenario(platform, options, report).RunAsync()),
    ("tenant_matrix", (platform, _) => new TenantMatrixScenario(platform, report).RunAsync()),
    ("python_pipeline", (platform, _) => new PythonPipelineScenario(platform, report).RunAsync()),
    ("redis_killed", (platform, _) => new RedisKillScenario(platform, options, report).RunAsync()),
    ("redis_restored", (platform, _) => new RedisRestoreScenario(platform, options, report).RunAsync()),
    ("services_killed", (platform, _) => new ServiceKillScenario(platform, options, report).RunAsync()),
    // Last but one: it restarts the broker, and what follows a restart should not be the other scenarios' concern.
    ("broker_killed", (platform, _) => new BrokerKillScenario(platform, options, report).RunAsync()),
    // After all the others, whose refusals it reports: their own tries of forbidden operations would count as refusals.
    ("least_privilege", (platform, refusals) => new LeastPrivilegeScenario(platform, refusals, report).RunAsync()),
};

if (scenarios.Any(scenario => options.Runs(scenario.Name)))
{
    await using var platform = await FaultPlatform.StartAsync();
    var refusals = new RefusalWatch(platform);
    foreach (var (name, run) in scenarios.Where(scenario => options.Runs(scenario.Name)))
    {
        await RunAsync(name, () => run(platform, refusals));
        if (name != "least_privilege")
        {
            await refusals.GatherAsync();
        }
    }
}

// Issue 19's failovers, on a platform of the scale-out profile of their own: full mode, or when --only names them.
string[] failovers = ["failover_gateway", "failover_redis_primary", "failover_broker_node"];
if (failovers.Any(options.RunsScaleOut))
{
    await using var scaleOut = await FaultPlatform.StartScaleOutAsync();
    var failover = new FailoverScenario(scaleOut, options, report);
    if (options.RunsScaleOut("failover_gateway"))
    {
        await RunAsync("failover_gateway", failover.GatewayReplicaAsync);
    }

    if (options.RunsScaleOut("failover_redis_primary"))
    {
        await RunAsync("failover_redis_primary", failover.RedisPrimaryAsync);
    }

    if (options.RunsScaleOut("failover_broker_node"))
    {
        await RunAsync("failover_broker_node", failover.BrokerNodeAsync);
    }
}

report.PrintTable(Console.Out);
await report.WriteJsonAsync(options.Output);
Console.WriteLine($"written: {options.Output}");
return report.Passed ? 0 : 1;

async Task RunAsync(string name, Func<Task> run)
{
    var watch = Stopwatch.StartNew();
    try
    {
        await run();
    }
    catch (Exception exception) when (exception is not OutOfMemoryException)
    {
        report.Scenario(name).Check("the scenario ran to its end", passed: false, $"{exception.GetType().Name}: {exception.Message}");
        Console.WriteLine(exception);
    }

    Console.WriteLine($"  [{name} took {watch.Elapsed.TotalSeconds:F0} s]");
}
