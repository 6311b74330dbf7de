namespace WidgetPlatform.AppHost.Hosting.Resources;

/// <summary>A backing server (Redis, RabbitMQ) that services reach through a connection string.</summary>
public abstract class ServerResource(string name, string? externalConnectionString) : Resource(name)
{
    /// <summary>Set when the server already runs elsewhere: the AppHost starts nothing and only probes it.</summary>
    public string? ExternalConnectionString { get; } = externalConnectionString;

    public bool IsExternal => ExternalConnectionString is not null;
}
