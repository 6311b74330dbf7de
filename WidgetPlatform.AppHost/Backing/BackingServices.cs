using Microsoft.Extensions.Configuration;
using WidgetPlatform.AppHost.Executables;
using WidgetPlatform.AppHost.ScaleOut;

namespace WidgetPlatform.AppHost.Backing;

/// <summary>
/// docs/design.md §8: Redis and RabbitMQ are Aspire's container integrations where a container runtime answers, and the same
/// resources as Debian's servers where none does. An existing server named by <c>ConnectionStrings:{name}</c> wins over both.
/// </summary>
public static class BackingServices
{
    private const string ModeKey = "WidgetPlatform:Backing";

    /// <summary>Reads <c>WidgetPlatform:Backing</c> (auto, containers, executables), probes when auto, and says what it chose.</summary>
    public static BackingMode Choose(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[ModeKey];
        if (!string.IsNullOrEmpty(configured) && !Enum.TryParse<BackingMode>(configured, ignoreCase: true, out _))
        {
            throw new InvalidOperationException($"{ModeKey} is '{configured}'; expected auto, containers or executables.");
        }

        var mode = string.IsNullOrEmpty(configured) ? BackingMode.Auto : Enum.Parse<BackingMode>(configured, ignoreCase: true);
        if (mode == BackingMode.Auto)
        {
            var runtime = ContainerRuntimeProbe.FindAnsweringRuntime();
            mode = runtime is null ? BackingMode.Executables : BackingMode.Containers;
            Console.WriteLine(runtime is null
                ? $"No container runtime answers: Redis and RabbitMQ run as redis-server and rabbitmq-server (set {ModeKey}=containers to insist)."
                : $"Container runtime '{runtime}' answers: Redis and RabbitMQ run in containers (set {ModeKey}=executables to use the local servers).");
        }

        return mode;
    }

    /// <summary>The cache: a Redis Cluster of <c>redis-server</c> nodes in the scale-out profile (Aspire has no clustered Redis container).</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddCache(
        this IDistributedApplicationBuilder builder, string name, BackingMode mode, StatePaths paths, PlatformProfile profile)
    {
        if (Existing(builder, name) is { } existing)
        {
            return existing;
        }

        if (profile.IsScaleOut)
        {
            return mode == BackingMode.Containers
                ? throw new InvalidOperationException($"The scale-out profile runs its Redis Cluster as redis-server processes: set {ModeKey}=executables.")
                : builder.AddRedisCluster(name, paths, PlatformProfile.ClusterPrimaries, PlatformProfile.ReplicasPerPrimary);
        }

        return mode == BackingMode.Containers
            ? builder.AddRedis(name)
            : builder.AddRedisServer(name, paths.Resource(name));
    }

    /// <summary>The broker: a RabbitMQ cluster of <c>rabbitmq-server</c> nodes in the scale-out profile.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddMessaging(
        this IDistributedApplicationBuilder builder, string name, BackingMode mode, StatePaths paths, PlatformProfile profile)
    {
        if (Existing(builder, name) is { } existing)
        {
            return existing;
        }

        if (profile.IsScaleOut)
        {
            return mode == BackingMode.Containers
                ? throw new InvalidOperationException($"The scale-out profile runs its RabbitMQ cluster as rabbitmq-server processes: set {ModeKey}=executables.")
                : builder.AddRabbitMqCluster(name, paths, PlatformProfile.BrokerNodes);
        }

        return mode == BackingMode.Containers
            ? builder.AddRabbitMQ(name)
            : builder.AddRabbitMqServer(name, paths.Resource(name));
    }

    /// <summary>
    /// The cache as one service reaches it, once it is up: as the service's own Redis user where the AppHost runs
    /// redis-server, one or a cluster (<see cref="RedisServiceUser"/>); a container or an existing server is reached as its one user.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCache(this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> cache)
    {
        project.WithReference(cache).WaitFor(cache);
        if (cache.Resource is IRedisWithServiceUsers redis && redis.Credentials.UserPasswords.ContainsKey(project.Resource.Name))
        {
            // After the reference, so that this value replaces the default user's that the reference sets.
            project.WithEnvironment($"ConnectionStrings__{cache.Resource.Name}", redis.ConnectionStringFor(project.Resource.Name));
        }

        return project;
    }

    /// <summary>
    /// The broker as one service reaches it, once it is up: as the service's own RabbitMQ user where the AppHost runs
    /// rabbitmq-server, one node or a cluster (<see cref="RabbitMqServiceUser"/>); a container or an existing broker is reached as its one user.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> messaging)
    {
        project.WithReference(messaging).WaitFor(messaging);
        if (messaging.Resource is IRabbitMqWithServiceUsers broker && RabbitMqServiceUser.Services.Any(service => service.Name == project.Resource.Name))
        {
            project.WithEnvironment($"ConnectionStrings__{messaging.Resource.Name}", broker.ConnectionStringFor(project.Resource.Name));
        }

        return project;
    }

    private static IResourceBuilder<IResourceWithConnectionString>? Existing(IDistributedApplicationBuilder builder, string name)
    {
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(name)))
        {
            return null;
        }

        Console.WriteLine($"'{name}' is the existing server given by ConnectionStrings:{name}.");
        return builder.AddConnectionString(name);
    }
}
