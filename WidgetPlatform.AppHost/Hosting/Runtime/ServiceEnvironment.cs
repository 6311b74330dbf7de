using System.Globalization;
using WidgetPlatform.AppHost.Hosting.Resources;

namespace WidgetPlatform.AppHost.Hosting.Runtime;

/// <summary>
/// The environment a real Aspire AppHost gives a project (DESIGN.md §2): connection strings of what it references,
/// service-discovery entries of the services it references, OpenTelemetry settings and its own URL; and ours: the data
/// root and the dev signing key; then whatever the options add for the project or the replica.
/// </summary>
public static class ServiceEnvironment
{
    public static IReadOnlyDictionary<string, string> For(
        ProjectResource project,
        int replica,
        Uri url,
        IReadOnlyDictionary<string, string> connectionStrings,
        IReadOnlyDictionary<string, IReadOnlyList<Uri>> serviceUrls,
        DistributedApplicationOptions options,
        string devSigningKey)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceName(project, replica)}",
            // Aspire's development defaults: export quickly so a dashboard shows telemetry within a second.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["WidgetPlatform__DataRoot"] = options.DataDirectory,
            // Every service, not only the gateway: the warmer or a CLI may mint a token to call it.
            ["WidgetPlatform__Auth__SigningKey"] = devSigningKey,
        };

        if (options.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol;
        }

        foreach (var reference in project.References)
        {
            if (connectionStrings.TryGetValue(reference.Name, out var connectionString))
            {
                environment[$"ConnectionStrings__{reference.Name}"] = connectionString;
            }

            if (serviceUrls.TryGetValue(reference.Name, out var urls))
            {
                for (var i = 0; i < urls.Count; i++)
                {
                    environment[$"services__{reference.Name}__http__{i.ToString(CultureInfo.InvariantCulture)}"] = urls[i].ToString().TrimEnd('/');
                }
            }
        }

        foreach (var name in new[] { project.Name, InstanceName(project, replica) }.Distinct(StringComparer.Ordinal))
        {
            foreach (var (variable, value) in options.Environment.GetValueOrDefault(name) ?? new Dictionary<string, string>())
            {
                environment[variable] = value;
            }
        }

        return environment;
    }

    /// <summary><c>query</c> with one replica; <c>query-1</c>, <c>query-2</c> … with several.</summary>
    public static string InstanceName(ProjectResource project, int replica) =>
        project.Replicas == 1 ? project.Name : $"{project.Name}-{(replica + 1).ToString(CultureInfo.InvariantCulture)}";
}
