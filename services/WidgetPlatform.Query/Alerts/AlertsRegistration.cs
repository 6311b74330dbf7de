using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WidgetPlatform.Query.Alerts;

public static class AlertsRegistration
{
    /// <summary>The alert evaluator, its options (reloaded on change), the board it fills, the fleet's log of transitions and the health check.</summary>
    public static IServiceCollection AddGatewayAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertBoard>();
        services.AddSingleton<AlertTransitions>();
        services.AddSingleton<WarmerLag>();
        services.AddSingleton<AlertEvaluator>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertEvaluator>());
        services.AddHealthChecks().AddCheck<AlertsHealthCheck>("alerts", HealthStatus.Degraded);
        return services;
    }
}
