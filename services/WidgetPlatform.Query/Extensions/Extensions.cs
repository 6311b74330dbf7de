using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Alerts;
using WidgetPlatform.Query.Apis;
using WidgetPlatform.Query.Auth;
using WidgetPlatform.Query.Cors;
using WidgetPlatform.Query.Events;
using WidgetPlatform.Query.Messaging;
using WidgetPlatform.Query.OpenApi;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;
using WidgetPlatform.Query.Statistics;
using WidgetPlatform.Query.Tracking;
using WidgetPlatform.Query.Uploads;

namespace WidgetPlatform.Query;

public static class Extensions
{
    /// <summary>The gateway's dependencies, each read through the connection string named as its AppHost resource.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // The gateway answers without Redis (G6): losing it degrades the service, it does not make it unhealthy.
        builder.AddPlatformRedisClient("cache", HealthStatus.Degraded, traceCommands: false);
        var identity = new InstanceIdentity(builder.Configuration);
        services.AddSingleton(identity);
        builder.AddMessageBus("messaging", (bus, broker) => bus.AddGatewayConsumers(identity.Id, broker));

        builder.AddWidgetData();
        builder.AddWidgetCache();
        builder.AddCacheStatistics();
        builder.AddGatewayAuth();
        builder.AddGatewayCors();

        services.AddOptions<ActiveTrackingOptions>().BindConfiguration(ActiveTrackingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ActiveCombinations>();
        services.AddHostedService<ActiveCombinationsFlusher>();
        services.AddOptions<VersionRefreshOptions>().BindConfiguration(VersionRefreshOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<VersionRefresher>();
        services.AddSingleton<BrowserCaching>();
        services.AddSingleton<DataQueries>();
        services.AddSingleton<WidgetDataServices>();
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StudyEvents>();
        services.AddSingleton<TrafficWindowsReader>();
        services.AddSingleton<CacheStatisticsReader>();
        services.AddGatewayAlerts();
        services.AddSingleton<Entries.EntryInspector>();
        services.AddOptions<DatasetUploadOptions>().BindConfiguration(DatasetUploadOptions.Section);
        services.AddScoped<DatasetUploader>();

        services.AddHealthChecks().AddCheck<CacheCircuitHealthCheck>("cache-circuit", HealthStatus.Degraded, ["ready"]);
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            // The layer's own converter first: one in the options wins over the one on the type, and version-changed
            // events carry a layer.
            json.SerializerOptions.Converters.Add(new DatasetLayerJsonConverter());
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddGatewayOpenApi();
    }
}
