namespace WidgetPlatform.AppHost.Hosting;

public sealed class DistributedApplicationOptions
{
    /// <summary>Where server data, logs, credentials and resources.json live (git-ignored <c>.widgetplatform/</c> by default).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The data root every service is given as <c>WidgetPlatform__DataRoot</c> (DESIGN §3).</summary>
    public string DataDirectory => Path.Combine(StateDirectory, "data");

    /// <summary>Adverse-event rows of the demo study written on first run, when the data root holds no study; null writes none.</summary>
    public int? DemoRows { get; init; }

    /// <summary>Connection string of an existing Redis to use instead of starting one.</summary>
    public string? ExternalRedis { get; init; }

    /// <summary>amqp:// URI of an existing RabbitMQ to use instead of starting one.</summary>
    public string? ExternalRabbitMq { get; init; }

    /// <summary>Replica counts by project name (<c>--replicas query=2</c>).</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Extra environment variables by resource name (every replica of a project) or instance name (<c>query-2</c>: that
    /// replica only, applied last), as Aspire's WithEnvironment: a benchmark runs one gateway replica with its in-process
    /// cache off (<c>WidgetPlatform__Cache__MemoryCacheBytes=0</c>) beside one with it on.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environment { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Where the dashboard listens; null runs without one (the test host).</summary>
    public Uri? DashboardUrl { get; init; }

    /// <summary>Passed to every service as OTEL_EXPORTER_OTLP_ENDPOINT; export is off when null.</summary>
    public Uri? OtlpEndpoint { get; init; }

    public string OtlpProtocol { get; init; } = "grpc";

    /// <summary>Given to services as ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT.</summary>
    public string EnvironmentName { get; init; } = "Development";
}
