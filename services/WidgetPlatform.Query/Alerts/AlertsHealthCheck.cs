using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WidgetPlatform.Query.Alerts;

/// <summary>Degraded while any alert fires, naming them: the platform still answers, but an operator should look.</summary>
public sealed class AlertsHealthCheck(AlertBoard board) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var firing = board.Current;
        return Task.FromResult(firing.Count == 0
            ? HealthCheckResult.Healthy("No alert fires.")
            : HealthCheckResult.Degraded($"Alerts firing: {string.Join(", ", firing.Select(alert => alert.Name))}."));
    }
}
