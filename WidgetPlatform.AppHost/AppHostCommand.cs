using System.CommandLine;
using System.Globalization;
using WidgetPlatform.AppHost.Hosting;

namespace WidgetPlatform.AppHost;

/// <summary>The AppHost's command line: where state lives, which servers to reuse, how many replicas.</summary>
public static class AppHostCommand
{
    private static readonly Option<string?> Redis = new("--redis") { Description = "Use this existing Redis (StackExchange.Redis configuration string) instead of starting one." };
    private static readonly Option<string?> RabbitMq = new("--rabbitmq") { Description = "Use this existing RabbitMQ (amqp://user:pass@host:port) instead of starting one." };
    private static readonly Option<string[]> Replicas = new("--replicas") { Description = "Replicas of a project, e.g. --replicas query=2.", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<int> DashboardPort = new("--dashboard-port") { Description = "Port of the dashboard on 127.0.0.1.", DefaultValueFactory = _ => 18888 };
    private static readonly Option<bool> NoDashboard = new("--no-dashboard") { Description = "Run without the dashboard." };
    private static readonly Option<DirectoryInfo?> StateDirectory = new("--state-dir") { Description = "Where data, logs and resources.json go (default: .widgetplatform/ in the repository)." };
    private static readonly Option<int> DemoRows = CreateDemoRows();
    private static readonly Option<bool> NoDemo = new("--no-demo") { Description = "Do not write the demo study on first run." };
    private static readonly Option<Uri?> OtlpEndpoint = new("--otlp-endpoint") { Description = "Send every service's telemetry to this OTLP endpoint (default: OTEL_EXPORTER_OTLP_ENDPOINT)." };

    public static RootCommand Create(Func<DistributedApplicationOptions, CancellationToken, Task<int>> run)
    {
        var command = new RootCommand("Runs the WidgetPlatform: Redis, RabbitMQ, the query gateway, the invalidation service and the cache warmer.")
        {
            Redis, RabbitMq, Replicas, DashboardPort, NoDashboard, StateDirectory, DemoRows, NoDemo, OtlpEndpoint,
        };
        command.SetAction((result, cancellationToken) => run(ToOptions(result), cancellationToken));
        return command;
    }

    private static DistributedApplicationOptions ToOptions(ParseResult result) => new()
    {
        StateDirectory = result.GetValue(StateDirectory)?.FullName ?? Path.Combine(RepositoryRoot(), ".widgetplatform"),
        ExternalRedis = result.GetValue(Redis),
        ExternalRabbitMq = result.GetValue(RabbitMq),
        Replicas = ParseReplicas(result.GetValue(Replicas) ?? []),
        DemoRows = result.GetValue(NoDemo) ? null : result.GetValue(DemoRows),
        DashboardUrl = result.GetValue(NoDashboard) ? null : new Uri($"http://127.0.0.1:{result.GetValue(DashboardPort)}"),
        OtlpEndpoint = result.GetValue(OtlpEndpoint)
            ?? (Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } endpoint ? new Uri(endpoint) : null),
    };

    private static Option<int> CreateDemoRows()
    {
        var option = new Option<int>("--demo-rows")
        {
            Description = "Adverse-event rows of the demo study written on first run (when the data root holds no study).",
            DefaultValueFactory = _ => 1_000_000,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--demo-rows must be at least 1 (use --no-demo for no demo study).");
            }
        });
        return option;
    }

    private static Dictionary<string, int> ParseReplicas(IEnumerable<string> values) =>
        values.Select(value => value.Split('=', 2)).ToDictionary(
            parts => parts[0],
            parts => parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
                ? count
                : throw new ArgumentException($"--replicas expects name=count with a count of at least 1, not '{string.Join('=', parts)}'."));

    /// <summary>The folder holding WidgetPlatform.sln, found upwards from the current directory; else the current directory.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WidgetPlatform.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
