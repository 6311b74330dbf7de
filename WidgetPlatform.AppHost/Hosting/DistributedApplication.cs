using WidgetPlatform.AppHost.Hosting.Resources;
using WidgetPlatform.AppHost.Hosting.Runtime;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.AppHost.Hosting;

/// <summary>
/// The running resource model: starts every resource once what it waits for is healthy, supervises the processes,
/// and stops all of them — projects first, servers last — when disposed.
/// </summary>
public sealed class DistributedApplication : IResourceControl, IAsyncDisposable
{
    private readonly IReadOnlyList<Resource> _resources;
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _beforeStart;
    private readonly Dictionary<Resource, IReadOnlyList<ResourceInstance>> _instances = [];
    private readonly Dictionary<string, string> _connectionStrings = [];
    private readonly Dictionary<string, IReadOnlyList<Uri>> _serviceUrls = [];
    private readonly CancellationTokenSource _stopping = new();
    private ResourcesFile? _resourcesFile;
    private DevCredentials? _devCredentials;
    private bool _disposed;

    internal DistributedApplication(DistributedApplicationOptions options, IReadOnlyList<Resource> resources, IReadOnlyList<Func<CancellationToken, Task>> beforeStart)
    {
        Options = options;
        _resources = resources;
        _beforeStart = beforeStart;
    }

    public DistributedApplicationOptions Options { get; }

    /// <summary>The dev signing key and tokens every service is given; created by <see cref="StartAsync(CancellationToken)"/>.</summary>
    public DevCredentials DevCredentials =>
        _devCredentials ?? throw new InvalidOperationException("The dev credentials are created when the application starts.");

    public IReadOnlyList<ResourceInstance> Instances => [.. _resources.SelectMany(r => _instances.GetValueOrDefault(r) ?? [])];

    /// <summary>
    /// Runs the before-start callbacks, plans every resource (ports, credentials) and starts them in dependency order;
    /// returns once all have started.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Options.StateDirectory);
        _devCredentials = DevCredentials.Prepare(Options.StateDirectory);
        foreach (var callback in _beforeStart)
        {
            await callback(cancellationToken);
        }

        Plan();
        _resourcesFile = ResourcesFile.Start(Path.Combine(Options.StateDirectory, "resources.json"), this, _connectionStrings, _stopping.Token);
        var starts = new Dictionary<Resource, Task>();
        foreach (var resource in _resources)
        {
            starts[resource] = StartWhenReadyAsync(resource, cancellationToken);
        }

        await Task.WhenAll(starts.Values);
    }

    public Task WaitForHealthyAsync(string resourceName, CancellationToken cancellationToken) =>
        WaitForHealthyAsync(_resources.Single(r => r.Name == resourceName), cancellationToken);

    public Task WaitForAllHealthyAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_resources.Select(r => WaitForHealthyAsync(r, cancellationToken)));

    public string GetConnectionString(string resourceName) =>
        _connectionStrings.TryGetValue(resourceName, out var value)
            ? value
            : throw new KeyNotFoundException($"'{resourceName}' has no connection string.");

    /// <summary>The URL of one replica of a project.</summary>
    public Uri GetEndpoint(string projectName, int replica = 0) => _serviceUrls[projectName][replica];

    public IReadOnlyList<ResourceSnapshot> GetResources() => [.. Instances.Select(i => i.Snapshot())];

    public IReadOnlyList<LogLine> GetLogs(string instance, long afterSequence, int max) => Find(instance).Log.After(afterSequence, max);

    public Task StartAsync(string instance, CancellationToken cancellationToken) => Find(instance).StartAsync(cancellationToken);

    public Task StopAsync(string instance, CancellationToken cancellationToken) => Find(instance).StopAsync();

    public Task RestartAsync(string instance, CancellationToken cancellationToken) => Find(instance).RestartAsync(cancellationToken);

    public ResourceInstance Find(string instance) =>
        Instances.SingleOrDefault(i => i.Name == instance) ?? throw new KeyNotFoundException($"No resource instance is named '{instance}'.");

    private void Plan()
    {
        foreach (var resource in _resources)
        {
            switch (resource)
            {
                case RedisResource redis:
                    AddServer(redis, RedisLauncher.Create(redis, Options.StateDirectory));
                    break;
                case RabbitMqResource rabbit:
                    AddServer(rabbit, RabbitMqLauncher.Create(rabbit, Options.StateDirectory));
                    break;
                case ProjectResource project:
                    _serviceUrls[project.Name] = ProjectLauncher.AllocateUrls(project);
                    break;
            }
        }

        foreach (var project in _resources.OfType<ProjectResource>())
        {
            var urls = _serviceUrls[project.Name];
            _instances[project] = [.. urls.Select((url, replica) =>
                ProjectLauncher.CreateReplica(project, replica, url, _connectionStrings, _serviceUrls, Options, DevCredentials.SigningKey))];
        }
    }

    private void AddServer(Resource resource, (ResourceInstance Instance, string ConnectionString) planned)
    {
        _instances[resource] = [planned.Instance];
        _connectionStrings[resource.Name] = planned.ConnectionString;
    }

    private async Task StartWhenReadyAsync(Resource resource, CancellationToken cancellationToken)
    {
        await Task.WhenAll(resource.WaitsFor.Select(dependency => WaitForHealthyAsync(dependency, cancellationToken)));
        await Task.WhenAll(_instances[resource].Select(instance => instance.StartAsync(cancellationToken)));
    }

    private Task WaitForHealthyAsync(Resource resource, CancellationToken cancellationToken) =>
        Task.WhenAll(_instances[resource].Select(instance => instance.WaitUntilHealthyAsync(cancellationToken)));

    /// <summary>Stops projects before the servers they use, so no service logs a storm of connection errors on the way out.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var projects = _instances.Where(pair => pair.Key is ProjectResource).SelectMany(pair => pair.Value);
        var servers = _instances.Where(pair => pair.Key is not ProjectResource).SelectMany(pair => pair.Value);
        await Task.WhenAll(projects.Select(instance => instance.DisposeAsync().AsTask()));
        await Task.WhenAll(servers.Select(instance => instance.DisposeAsync().AsTask()));
        await _stopping.CancelAsync();
        if (_resourcesFile is not null)
        {
            await _resourcesFile.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
