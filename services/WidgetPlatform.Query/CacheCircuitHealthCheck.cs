using Microsoft.Extensions.Diagnostics.HealthChecks;
using WidgetPlatform.Caching;

namespace WidgetPlatform.Query;

/// <summary>Degraded while the cache is being bypassed (G6); healthy again by itself once Redis answers.</summary>
public sealed class CacheCircuitHealthCheck(WidgetCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.RedisAvailable
            ? HealthCheckResult.Healthy("Answers go through the cache.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Redis is failing: answers bypass the cache."));
}
