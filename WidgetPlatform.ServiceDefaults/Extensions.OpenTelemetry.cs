using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WidgetPlatform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static partial class Extensions
{
    // MassTransit 8 names both its ActivitySource and its Meter "MassTransit".
    private const string MassTransitInstrumentationName = "MassTransit";

    // The platform's own spans and meters (the cache library's PlatformTelemetry) go by this name.
    private const string WidgetPlatformInstrumentationName = "WidgetPlatform";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitInstrumentationName, WidgetPlatformInstrumentationName))
            .WithTracing(tracing => tracing
                // Probes arrive every second from the AppHost; tracing them would drown the real requests.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                    && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation()
                .AddSource(MassTransitInstrumentationName, WidgetPlatformInstrumentationName)
                // Added before the exporter, so that it sees every span first.
                .AddProcessor(new OrphanSpanFilter()));

        builder.AddOpenTelemetryExporters();

        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // The AppHost sets the endpoint only when a collector listens; exporting to nowhere would retry and log forever.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
