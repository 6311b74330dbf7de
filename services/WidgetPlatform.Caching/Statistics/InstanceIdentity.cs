using Microsoft.Extensions.Configuration;

namespace WidgetPlatform.Caching.Statistics;

/// <summary>Which process this is, as the AppHost named it (<c>service.instance.id</c> in OTEL_RESOURCE_ATTRIBUTES).</summary>
public sealed class InstanceIdentity
{
    public InstanceIdentity(IConfiguration configuration)
    {
        Service = configuration["OTEL_SERVICE_NAME"] ?? AppDomain.CurrentDomain.FriendlyName;
        var attributes = (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var instance = attributes.Select(attribute => attribute.Split('=', 2)).FirstOrDefault(pair => pair.Length == 2 && pair[0] == "service.instance.id")?[1];

        // Outside the AppHost: unique per process, so two replicas never share a queue or a statistics slot.
        Id = instance ?? $"{Service}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    }

    public string Service { get; }

    public string Id { get; }
}
