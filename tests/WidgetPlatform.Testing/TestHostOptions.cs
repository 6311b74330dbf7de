namespace WidgetPlatform.Testing;

public sealed class TestHostOptions
{
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Extra environment variables by project (<c>query</c>) or replica (<c>query-2</c>); see DistributedApplicationOptions.Environment.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environment { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public bool WithDashboard { get; init; }

    public string? ExternalRedis { get; init; }

    public string? ExternalRabbitMq { get; init; }

    /// <summary>Adverse-event rows of the demo study written before the services start; small so tests stay fast. Null writes none.</summary>
    public int? DemoRows { get; init; } = 20_000;
}
