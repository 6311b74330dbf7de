using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WidgetPlatform.Clients;
using WidgetPlatform.Clients.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Aspire.StackExchange.Redis client contract: one shared multiplexer and a health check, named by the connection.</summary>
public static class RedisClientExtensions
{
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Registers a singleton <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:{connectionName}</c>, the parsed
    /// <see cref="ConfigurationOptions"/> keyed by <paramref name="connectionName"/>, and a health check of that name that
    /// reports <paramref name="failureStatus"/> when Redis does not answer (Degraded for a service that works on without it).
    /// </summary>
    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var connectionString = RequiredConnectionString.Get(
            builder.Configuration, connectionName, "a StackExchange.Redis configuration such as 'host:6379,password=...'");

        var options = ConfigurationOptions.Parse(connectionString);
        if (options.EndPoints.Count == 0)
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} names no Redis endpoint (expected 'host:port,...').");
        }

        // The service must start, and recover, while Redis is briefly away: the multiplexer keeps reconnecting by itself.
        options.AbortOnConnectFail = false;

        // Commands fail at once while disconnected instead of queueing for the whole timeout: callers degrade, not wait.
        options.BacklogPolicy = BacklogPolicy.FailFast;

        // Reads complete on the .NET thread pool rather than on the library's own scheduler threads. Why: on a cached
        // widget answered from Redis, every reply otherwise hops from a dedicated reader thread to a pool thread, and on
        // two cores the hop and the spinning of both pools cost more than the request (gateway CPU per L2 hit, wrk at 64
        // connections: 94-133 µs with the dedicated scheduler, 53-57 µs with the pool). The dedicated threads only help
        // an app that blocks pool threads on sync-over-async, which the services never do.
        options.SocketManager = SocketManager.ThreadPool;

        builder.Services.AddKeyedSingleton(connectionName, options);

        // Created on first use, as Aspire does; with AbortOnConnectFail off that returns after one connection attempt.
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var connectOptions = services.GetRequiredKeyedService<ConfigurationOptions>(connectionName).Clone();
            connectOptions.LoggerFactory = services.GetService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(connectOptions);
        });

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            services => new RedisHealthCheck(services.GetRequiredService<IConnectionMultiplexer>()),
            failureStatus,
            ["ready"],
            HealthCheckTimeout));
    }
}
