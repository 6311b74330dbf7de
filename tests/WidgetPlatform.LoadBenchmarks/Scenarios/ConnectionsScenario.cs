using System.Globalization;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Servers;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// connections_20k: wrk holds 20,000 keep-alive connections (fewer in --quick) on the cached widget, first against the bare
/// endpoint then against the gateway, so errors the machine itself causes (backlog, ports) show in the ceiling too. Both
/// wrk and the server need a descriptor per connection: when the open-file limit cannot be raised that far, it runs with
/// as many as fit and names the figure after the count it used.
/// </summary>
internal sealed class ConnectionsScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    /// <summary>Descriptors the gateway holds besides its clients' sockets: Redis, RabbitMQ, files, the runtime's own.</summary>
    private const int DescriptorMargin = 500;

    public async Task RunAsync()
    {
        var limit = Machine.OpenFileLimit();
        var connections = limit < 0 ? options.ManyConnections : (int)Math.Min(options.ManyConnections, limit - DescriptorMargin);
        var name = connections == 20_000 ? "connections_20k" : $"connections_{connections}";
        if (connections < options.ManyConnections)
        {
            Console.WriteLine($"{name}: the open file limit is {limit} and cannot be raised here (scripts/bench.sh tries): " +
                $"{connections:N0} connections instead of {options.ManyConnections:N0}.");
        }

        using var client = platform.Client(BenchPlatform.WithL1, platform.ViewerToken);
        var body = (await WidgetAnswer.GetAsync(client, WidgetHitScenario.DataPath)).Body;
        await using var ceiling = await StaticCeiling.StartAsync(new Dictionary<string, byte[]> { ["widget"] = body });
        Console.WriteLine($"{name}: {connections:N0} keep-alive connections for {options.ManyConnectionsDuration.TotalSeconds:0} s each, bare endpoint then gateway; open file limit {limit}");
        var timeout = TimeSpan.FromSeconds(10);
        var bare = await Wrk.RunAsync(new Uri(ceiling.Url, "/static/widget"), options.WrkThreads, connections, options.ManyConnectionsDuration, timeout: timeout);
        var gateway = await Wrk.RunAsync(new Uri(platform.Gateway(BenchPlatform.WithL1), WidgetHitScenario.DataPath), options.WrkThreads, connections,
            options.ManyConnectionsDuration, platform.ViewerToken, timeout: timeout);

        foreach (var result in new[] { bare, gateway }.Where(r => r.Requests == 0))
        {
            Console.WriteLine($"  wrk answered nothing:\n{result.Output}");
        }

        Dictionary<string, string> Settings(WrkResult result, string what) => new()
        {
            ["tool"] = "wrk --latency",
            ["connections"] = connections.ToString(CultureInfo.InvariantCulture),
            ["seconds"] = options.ManyConnectionsDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            ["timeout"] = $"{timeout.TotalSeconds:0} s",
            ["openFileLimit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["connectionsAsked"] = options.ManyConnections.ToString(CultureInfo.InvariantCulture),
            ["errors"] = $"socket {result.SocketErrors} (timeouts {result.Timeouts}), non-2xx {result.Non2xx3xx}",
            ["note"] = $"{what}; socket errors {result.SocketErrors} (timeouts {result.Timeouts}), non-2xx {result.Non2xx3xx}",
        };

        var bareSettings = Settings(bare, "bare Kestrel, same bytes (ceiling)");
        report.Add($"ceiling_static_{name}", bare.RequestsPerSecond, "req/s", settings: bareSettings);
        report.Add($"ceiling_static_{name}_p99", bare.P99Ms, "ms", settings: bareSettings);
        report.Add($"ceiling_static_{name}_errors", bare.Errors, "count", settings: bareSettings);
        var settings = Settings(gateway, "gateway widget hit, JWT; goal 0 errors, p99 < 200 ms");
        report.Add(name, gateway.RequestsPerSecond, "req/s", bare.RequestsPerSecond, settings);
        report.Add($"{name}_p99", gateway.P99Ms, "ms", bare.P99Ms, settings);
        report.Add($"{name}_errors", gateway.Errors, "count", settings: settings);
    }
}
