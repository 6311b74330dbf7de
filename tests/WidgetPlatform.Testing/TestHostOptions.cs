namespace WidgetPlatform.Testing;

public sealed class TestHostOptions
{
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    public bool WithDashboard { get; init; }

    public string? ExternalRedis { get; init; }

    public string? ExternalRabbitMq { get; init; }
}
