using WidgetPlatform.AppHost.Hosting.Resources;
using WidgetPlatform.AppHost.Hosting.Runtime;

namespace WidgetPlatform.AppHost.Hosting;

/// <summary>Collects the resource model, the way Aspire's IDistributedApplicationBuilder does.</summary>
public sealed class DistributedApplicationBuilder(DistributedApplicationOptions options)
{
    private readonly List<Resource> _resources = [];
    private readonly List<Func<CancellationToken, Task>> _beforeStart = [];

    public DistributedApplicationOptions Options { get; } = options;

    public IReadOnlyList<Resource> Resources => _resources;

    public RedisResource AddRedis(string name) => Add(new RedisResource(name, Options.ExternalRedis));

    public RabbitMqResource AddRabbitMQ(string name) => Add(new RabbitMqResource(name, Options.ExternalRabbitMq));

    public ProjectResource AddProject(string name)
    {
        var project = Add(new ProjectResource(name, ServiceProject.Get(name)));
        return Options.Replicas.TryGetValue(name, out var replicas) ? project.WithReplicas(replicas) : project;
    }

    /// <summary>Runs <paramref name="callback"/> once the state directory exists and before any resource starts (Aspire's BeforeStartEvent).</summary>
    public DistributedApplicationBuilder OnBeforeStart(Func<CancellationToken, Task> callback)
    {
        _beforeStart.Add(callback);
        return this;
    }

    public DistributedApplication Build()
    {
        var unknown = Options.Replicas.Keys.Where(name => _resources.OfType<ProjectResource>().All(p => p.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--replicas names no project called {string.Join(", ", unknown)}.");
        }

        var instances = _resources.OfType<ProjectResource>()
            .SelectMany(p => Enumerable.Range(0, p.Replicas).Select(replica => ServiceEnvironment.InstanceName(p, replica)).Append(p.Name))
            .ToHashSet(StringComparer.Ordinal);
        var unknownEnvironment = Options.Environment.Keys.Where(name => !instances.Contains(name)).ToList();
        if (unknownEnvironment.Count > 0)
        {
            throw new ArgumentException($"Environment names no project or replica called {string.Join(", ", unknownEnvironment)}.");
        }

        return new DistributedApplication(Options, _resources, _beforeStart);
    }

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return resource;
    }
}
