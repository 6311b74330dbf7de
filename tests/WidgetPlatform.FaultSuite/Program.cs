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

await using (var platform = await FaultPlatform.StartAsync())
{
    var refusals = new RefusalWatch(platform);
    var scenarios = new List<(string Name, Func<Task> Run)>
    {
        ("stale_reads", () => new StaleReadScenario(platform, options, report).RunAsync()),
        ("hostile_input", () => new HostileInputScenario(platform, options, report).RunAsync()),
        ("poison_messages", () => new PoisonMessageScenario(platform, options, report).RunAsync()),
        ("tenant_matrix", () => new TenantMatrixScenario(platform, report).RunAsync()),
        ("python_pipeline", () => new PythonPipelineScenario(platform, report).RunAsync()),
        ("redis_killed", () => new RedisKillScenario(platform, options, report).RunAsync()),
        ("redis_restored", () => new RedisRestoreScenario(platform, options, report).RunAsync()),
        ("services_killed", () => new ServiceKillScenario(platform, options, report).RunAsync()),
        // Last but one: it restarts the broker, and what follows a restart should not be the other scenarios' concern.
        ("broker_killed", () => new BrokerKillScenario(platform, options, report).RunAsync()),
        // After all the others, whose refusals it reports: their own tries of forbidden operations would count as refusals.
        ("least_privilege", () => new LeastPrivilegeScenario(platform, refusals, report).RunAsync()),
    };

    foreach (var (name, run) in scenarios.Where(scenario => options.Runs(scenario.Name)))
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
        if (name != "least_privilege")
        {
            await refusals.GatherAsync();
        }
    }
}

report.PrintTable(Console.Out);
await report.WriteJsonAsync(options.Output);
Console.WriteLine($"written: {options.Output}");
return report.Passed ? 0 : 1;
