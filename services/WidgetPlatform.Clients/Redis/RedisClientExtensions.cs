using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using WidgetPlatform.Clients.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Redis through Aspire.StackExchange.Redis, with the connection settings the platform measured and its own health check.</summary>
public static class RedisClientExtensions
{
    private const string DisableTracingKey = "Aspire:StackExchange:Redis:DisableTracing";

    private const string RepliesOnThreadPoolKey = "WidgetPlatform:Redis:RepliesOnThreadPool";

    /// <summary>
    /// Registers Aspire's singleton <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:{connectionName}</c> (with
    /// its tracing and metrics of Redis calls), and a health check of that name that reports <paramref name="failureStatus"/>
    /// when Redis does not answer: Degraded for a service that works on without it (G6), which Aspire's own check cannot say.
    /// </summary>
    /// <param name="traceCommands">
    /// Whether each Redis command is a span, unless <c>Aspire:StackExchange:Redis:DisableTracing</c> says otherwise. Off on
    /// the gateway's hit path: with every request traced, it cost 6% of the Redis-hit throughput and tripled its p99 (load
    /// benchmark, widget_hit_l2, medium: 13,274 req/s and p99 61 ms traced, 14,130 req/s and p99 20 ms not).
    /// </param>
    public static void AddPlatformRedisClient(
        this IHostApplicationBuilder builder, string connectionName, HealthStatus failureStatus = HealthStatus.Unhealthy, bool traceCommands = true)
    {
        var configured = builder.Configuration[DisableTracingKey] is not null;
        var repliesOnThreadPool = builder.Configuration.GetValue(RepliesOnThreadPoolKey, defaultValue: true);
        builder.AddRedisClient(
            connectionName,
            settings =>
            {
                settings.DisableHealthChecks = true;
                if (!configured)
                {
                    settings.DisableTracing = !traceCommands;
                }
            },
            options => ConfigureConnection(options, repliesOnThreadPool));

        // Read now: a health check's timeout is part of its registration.
        var health = builder.Configuration.GetSection(RedisHealthOptions.Section).Get<RedisHealthOptions>() ?? new RedisHealthOptions();
        Validator.ValidateObject(health, new ValidationContext(health), validateAllProperties: true);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()),
            failureStatus,
            ["ready"],
            health.Timeout));
    }

    internal static void ConfigureConnection(ConfigurationOptions options, bool repliesOnThreadPool = true)
    {
        // The service must start, and recover, while Redis is briefly away: the multiplexer keeps reconnecting by itself.
        options.AbortOnConnectFail = false;

        // The tie-breaker is a key every connection reads to choose among several primaries outside a cluster: the platform
        // has one primary (or a cluster), and a service's Redis user may not read keys that are not the platform's.
        options.TieBreaker = string.Empty;

        // Commands fail at once while disconnected instead of queueing for the whole timeout: callers degrade, not wait.
        options.BacklogPolicy = BacklogPolicy.FailFast;

        // Reads complete on the .NET thread pool rather than on the library's own scheduler threads. Why: on a cached
        // widget answered from Redis, every reply otherwise hops from a dedicated reader thread to a pool thread, and on
        // two cores the hop and the spinning of both pools cost more than the request (gateway CPU per L2 hit, wrk at 64
        // connections: 94-133 µs with the dedicated scheduler, 53-57 µs with the pool). The dedicated threads only help
        // an app that blocks pool threads on sync-over-async, which the services never do.
        // WidgetPlatform:Redis:RepliesOnThreadPool=false restores the dedicated threads, to measure the choice again.
        options.SocketManager = repliesOnThreadPool ? SocketManager.ThreadPool : SocketManager.Shared;
    }
}
