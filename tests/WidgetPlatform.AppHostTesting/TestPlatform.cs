using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WidgetPlatform.Auth;
using WidgetPlatform.Clients.Messaging;

namespace WidgetPlatform.AppHostTesting;

/// <summary>
/// The real AppHost started for a test through Aspire.Hosting.Testing: Redis, RabbitMQ and the services on free loopback
/// ports, state in a temporary folder with a small demo study, everything stopped and deleted on dispose.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    public static readonly string[] Services = ["query", "invalidation", "warmer"];

    public static readonly string[] BackingServices = ["cache", "messaging"];

    /// <summary>The broker user upstream pipelines publish with (docs/messages.md, "Broker users").</summary>
    public const string PipelineMessaging = "messaging-pipelines";

    /// <summary>
    /// The AppHost profile every test platform starts with unless a test names its own (<c>scale-out</c>: the same tests on
    /// a Redis Cluster, docs/operations.md, "Scale-out profile").
    /// </summary>
    public const string ProfileVariable = "WIDGETPLATFORM_TEST_PROFILE";

    private static readonly string[] ConnectionStringResources = [.. BackingServices, PipelineMessaging];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What Redis and RabbitMQ write when their port was taken.</summary>
    private static readonly string[] PortTakenMarkers = ["Address already in use", "eaddrinuse", "dist_port_already_used"];

    private readonly ConcurrentDictionary<string, ResourceInstance> _instances = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _ownsStateDirectory;
    private Dictionary<string, string> _connectionStrings = [];
    private ResourceLogs? _logs;
    private Task _watching = Task.CompletedTask;
    private DevTokenIssuer? _issuer;

    private TestPlatform(DistributedApplication application, string stateDirectory, bool ownsStateDirectory)
    {
        Application = application;
        StateDirectory = stateDirectory;
        _ownsStateDirectory = ownsStateDirectory;
    }

    public DistributedApplication Application { get; }

    public string StateDirectory { get; }

    /// <summary>The data root the services were given (<c>WidgetPlatform__DataRoot</c>).</summary>
    public string DataDirectory => Path.Combine(StateDirectory, "data");

    /// <summary>The viewer, uploader and admin tokens the AppHost wrote to <c>dev-tokens.json</c>.</summary>
    public DevTokens DevTokens { get; private set; } = null!;

    /// <summary>The dev signing key the AppHost gave every service (base64).</summary>
    public string SigningKey { get; private set; } = null!;

    /// <summary>Starts the platform and returns once every resource is running and healthy.</summary>
    public static async Task<TestPlatform> StartAsync(TestPlatformOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TestPlatformOptions();
        try
        {
            return await StartOnceAsync(options, cancellationToken);
        }
        catch (PlatformStartException exception) when (exception.PortTaken)
        {
            // The AppHost chooses the servers' ports when it builds its model, so that their connection strings are known
            // before they start; another process can bind one in between. A new AppHost chooses new ports.
            return await StartOnceAsync(options, cancellationToken);
        }
    }

    private static async Task<TestPlatform> StartOnceAsync(TestPlatformOptions options, CancellationToken cancellationToken)
    {
        var ownsState = options.StateDirectory is null;
        var stateDirectory = options.StateDirectory ?? Directory.CreateTempSubdirectory("widgetplatform-test-").FullName;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WidgetPlatform_AppHost>(
            Arguments(options, stateDirectory),
            (application, _) => application.DisableDashboard = !options.WithDashboard,
            cancellationToken);
        foreach (var (service, variables) in options.Environment)
        {
            var project = builder.CreateResourceBuilder<ProjectResource>(service);
            foreach (var (name, value) in variables)
            {
                project.WithEnvironment(name, value);
            }
        }

        // The resources' consoles are collected for Describe and ConsoleLines; echoing them all would bury a failing test's output.
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("WidgetPlatform.AppHost.Resources", LogLevel.None));
        options.Configure?.Invoke(builder);
        if (!options.WithDashboard)
        {
            WithoutTelemetryExport(builder);
        }

        var platform = new TestPlatform(await builder.BuildAsync(cancellationToken), stateDirectory, ownsState);
        try
        {
            await platform.StartCoreAsync(cancellationToken);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Aspire points every project at the dashboard's OTLP endpoint even when no dashboard runs (a developer's own one on
    /// 18889, or nothing): the services then exported to nowhere, retried, and each took 5-15 s to stop, past DCP's stop
    /// budget. Without an endpoint, ServiceDefaults adds no exporter.
    /// </summary>
    private static void WithoutTelemetryExport(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_HEADERS");
            });
        }
    }

    private static string[] Arguments(TestPlatformOptions options, string stateDirectory)
    {
        List<string> arguments =
        [
            $"--WidgetPlatform:StateDirectory={stateDirectory}",
            $"--WidgetPlatform:DemoRows={options.DemoRows.ToString(CultureInfo.InvariantCulture)}",
            // The executables are what CI has; a developer's container runtime must not change what the tests run on.
            "--WidgetPlatform:Backing=executables",
            $"--WidgetPlatform:Web:Enabled={(options.WithWeb ? "true" : "false")}",
        ];
        if (System.Environment.GetEnvironmentVariable(ProfileVariable) is { Length: > 0 } profile)
        {
            arguments.Add($"--WidgetPlatform:Profile={profile}");
        }

        arguments.AddRange(options.Replicas.Select(replicas => $"--WidgetPlatform:Replicas:{replicas.Key}={replicas.Value}"));
        arguments.AddRange(options.AppHostSettings.Select(setting => $"--{setting.Key}={setting.Value}"));
        if (options.WithDashboard)
        {
            // Free ports, so that a developer's own AppHost on 18888 and a test run side by side.
            arguments.Add($"--ASPNETCORE_URLS=http://127.0.0.1:{FreePort()}");
            arguments.Add($"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{FreePort()}");
            arguments.Add($"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort()}");
            arguments.Add("--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true");
        }

        return [.. arguments];
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        _logs = new ResourceLogs(Application.Services.GetRequiredService<ResourceLoggerService>(), _stopping.Token);
        _watching = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            // Aspire's start waits for what the services wait for: a server that exited at once would hold it until the timeout.
            var starting = Application.StartAsync(timeout.Token);
            while (!starting.IsCompleted)
            {
                ThrowIfAnyEnded();
                await Task.WhenAny(starting, Task.Delay(100, timeout.Token));
            }

            await starting;
            foreach (var resource in ProcessResources())
            {
                await WaitForAsync(resource, instance => instance.IsRunningAndHealthy || instance.Snapshot.IsHidden, StartTimeout, timeout.Token, failFast: true);
            }

            await WaitUntilListeningAsync(timeout.Token);

            _connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var resource in ConnectionStringResources)
            {
                _connectionStrings[resource] = await Application.GetConnectionStringAsync(resource, timeout.Token)
                    ?? throw new InvalidOperationException($"{resource} has no connection string.");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The platform was not healthy within {StartTimeout.TotalSeconds:0} s.\n{Describe()}");
        }

        SigningKey = (await File.ReadAllTextAsync(Path.Combine(StateDirectory, "dev-signing-key"), cancellationToken)).Trim();
        _issuer = new DevTokenIssuer(SigningKey);
        DevTokens = DevTokens.FromJson(await File.ReadAllTextAsync(Path.Combine(StateDirectory, DevTokens.FileName), cancellationToken));
    }

    /// <summary>
    /// Waits until every replica accepts connections on its own address. The services' resources have no health check of
    /// their own, so Aspire reports them healthy once their process runs: a replica still starting was reported healthy,
    /// and the first tests sent to its address were refused.
    /// </summary>
    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        foreach (var address in _instances.Values.Where(instance => instance.IsRunning).Select(instance => instance.DirectHttpEndpoint).OfType<Uri>())
        {
            while (true)
            {
                try
                {
                    using var client = new System.Net.Sockets.TcpClient();
                    await client.ConnectAsync(address.Host, address.Port, cancellationToken);
                    break;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Every resource of the model that runs as a process with the platform: the servers, their helpers and the services;
    /// not those started only on request (<c>WithExplicitStart</c>).
    /// </summary>
    private IEnumerable<string> ProcessResources() =>
        Application.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(resource => resource is ProjectResource or ExecutableResource && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(resource => resource.Name);

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var update in Application.ResourceNotifications.WatchAsync(stopping))
            {
                _instances[update.ResourceId] = new ResourceInstance(update.ResourceId, update.Resource.Name, update.Snapshot);
                _logs!.Follow(update.ResourceId);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The dashboard's login link as the AppHost wrote it to <c>resources.json</c> for outside clients (with its browser
    /// token); only when started <see cref="TestPlatformOptions.WithDashboard"/>.
    /// </summary>
    public async Task<Uri> DashboardLoginAsync()
    {
        using var resources = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(StateDirectory, "resources.json")));
        return resources.RootElement.GetProperty("dashboardLogin").GetString() is { Length: > 0 } login
            ? new Uri(login)
            : throw new InvalidOperationException("The platform runs without a dashboard: start it with WithDashboard.");
    }

    /// <summary>A token the running gateway accepts, for a chosen role and studies (<c>*</c> for all).</summary>
    /// <param name="issuedAt">Now unless given: an hour ago with the default lifetime makes an expired token.</param>
    public string MintToken(string role, IReadOnlyCollection<string> studies, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, string? subject = null) =>
        _issuer!.Mint(subject ?? $"test-{role}", role, studies, lifetime ?? TimeSpan.FromMinutes(30), issuedAt);

    /// <summary>The connection string of <c>cache</c> or <c>messaging</c> (the operator's), or <see cref="PipelineMessaging"/>.</summary>
    public string GetConnectionString(string resourceName) => _connectionStrings[resourceName];

    /// <summary>The broker as <c>messaging</c> or <see cref="PipelineMessaging"/> names it: one node, or every node of the scale-out profile's cluster.</summary>
    public AmqpConnectionString Broker(string resourceName = "messaging") => AmqpConnectionString.Parse(GetConnectionString(resourceName), resourceName);

    /// <summary>The instances (replicas) of a resource, in a stable order.</summary>
    public IReadOnlyList<ResourceInstance> Instances(string resourceName) =>
        [.. _instances.Values.Where(instance => instance.Resource == resourceName).OrderBy(instance => instance.Id, StringComparer.Ordinal)];

    public ResourceInstance Instance(string resourceName, int replica = 0)
    {
        var instances = Instances(resourceName);
        return replica < instances.Count
            ? instances[replica]
            : throw new ArgumentOutOfRangeException(nameof(replica), $"{resourceName} has {instances.Count} instances.");
    }

    /// <summary>One replica's own HTTP address (every request to it lands on that replica).</summary>
    public Uri Endpoint(string serviceName, int replica = 0) =>
        Instance(serviceName, replica).DirectHttpEndpoint ?? throw new InvalidOperationException($"{serviceName} replica {replica} has no HTTP endpoint.");

    /// <summary>The address the AppHost lists for a resource, as a developer would open it (the demo dashboard's page).</summary>
    public Uri ListedEndpoint(string resourceName) =>
        Instance(resourceName).ListedHttpEndpoint ?? throw new InvalidOperationException($"{resourceName} lists no HTTP address.");

    /// <summary>An HttpClient for one replica of a service; with a bearer token when given one.</summary>
    public HttpClient CreateHttpClient(string serviceName, int replica = 0, string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = Endpoint(serviceName, replica) };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>Waits until every instance of a resource satisfies a condition.</summary>
    public Task WaitForAsync(string resourceName, Func<ResourceInstance, bool> condition, TimeSpan timeout) =>
        WaitForAsync(resourceName, condition, timeout, CancellationToken.None);

    /// <param name="failFast">Throws as soon as any process has ended: during the start, nothing comes back by itself.</param>
    private async Task WaitForAsync(string resourceName, Func<ResourceInstance, bool> condition, TimeSpan timeout, CancellationToken cancellationToken, bool failFast = false)
    {
        var expected = Application.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Single(resource => resource.Name == resourceName)
            .Annotations.OfType<ReplicaAnnotation>().FirstOrDefault()?.Replicas ?? 1;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var instances = Instances(resourceName);
            if (instances.Count >= expected && instances.All(condition))
            {
                return;
            }

            if (failFast)
            {
                ThrowIfAnyEnded();
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{resourceName} did not reach the expected state within {timeout.TotalSeconds:0} s.\n{Describe()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>During the start nothing comes back by itself: an ended process fails the start at once.</summary>
    private void ThrowIfAnyEnded()
    {
        if (_instances.Values.FirstOrDefault(instance => instance.HasEnded) is { } ended)
        {
            var portTaken = (_logs?.Tail(ended.Id) ?? []).Any(line => PortTakenMarkers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase)));
            throw new PlatformStartException($"{ended.Id} ended ({ended.State}) while the platform started.\n{Describe()}", portTaken);
        }
    }

    /// <summary>Runs one of the commands the dashboard offers (stop, start, restart) on one instance.</summary>
    public async Task ExecuteCommandAsync(string resourceName, string command, int replica = 0)
    {
        var result = await Application.ResourceCommands.ExecuteCommandAsync(Instance(resourceName, replica).Id, command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resourceName} failed: {result.Message}");
        }
    }

    public Task StopAsync(string resourceName, int replica = 0) => ExecuteCommandAsync(resourceName, KnownResourceCommands.StopCommand, replica);

    public Task StartAsync(string resourceName, int replica = 0) => ExecuteCommandAsync(resourceName, KnownResourceCommands.StartCommand, replica);

    /// <summary>The environment a running instance's process received (its connection strings among them), read from /proc.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnvironmentOfAsync(string resourceName, int replica = 0)
    {
        var raw = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync($"/proc/{Instance(resourceName, replica).Pid!.Value}/environ"));
        return raw.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }

    /// <summary>Kills an instance's process and its children at once, as a crash would.</summary>
    public void Kill(string resourceName, int replica = 0)
    {
        var pid = Instance(resourceName, replica).Pid ?? throw new InvalidOperationException($"{resourceName} has no process.");
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
    }

    /// <summary>What an instance last wrote on its console (its last 500 lines), as the dashboard's console view shows it.</summary>
    public IReadOnlyList<string> ConsoleLines(string resourceName, int replica = 0) => _logs?.Tail(Instance(resourceName, replica).Id) ?? [];

    /// <summary>The state and last console lines of every instance.</summary>
    public string Describe() =>
        string.Join('\n', _instances.Values.OrderBy(instance => instance.Id, StringComparer.Ordinal).Select(instance =>
            $"{instance}\n" + string.Join('\n', (_logs?.Tail(instance.Id) ?? []).TakeLast(15).Select(line => "    " + line))));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await Application.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await Application.DisposeAsync();
        await _stopping.CancelAsync();
        await _watching;
        _stopping.Dispose();
        if (_ownsStateDirectory)
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
