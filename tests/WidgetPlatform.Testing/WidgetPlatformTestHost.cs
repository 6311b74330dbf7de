using System.Net.Http.Headers;
using WidgetPlatform.AppHost;
using WidgetPlatform.AppHost.Hosting;
using WidgetPlatform.Auth;
using WidgetPlatform.Dashboard;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.Testing;

/// <summary>
/// Starts the AppHost's resource model for a test, as Aspire.Hosting.Testing does: real Redis, RabbitMQ and services
/// on random loopback ports, state in a temporary folder, everything stopped and deleted on dispose.
/// </summary>
public sealed class WidgetPlatformTestHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _stateDirectory;
    private readonly DashboardServer? _dashboard;

    private WidgetPlatformTestHost(DistributedApplication application, DirectoryInfo stateDirectory, DashboardServer? dashboard)
    {
        Application = application;
        _stateDirectory = stateDirectory;
        _dashboard = dashboard;
    }

    public DistributedApplication Application { get; }

    public Uri DashboardUrl => _dashboard?.Url ?? throw new InvalidOperationException("Start the test host with a dashboard to use it.");

    public string StateDirectory => _stateDirectory.FullName;

    /// <summary>The data root the services were given (<c>WidgetPlatform__DataRoot</c>).</summary>
    public string DataDirectory => Application.Options.DataDirectory;

    /// <summary>The viewer, uploader and admin tokens the AppHost wrote to <c>dev-tokens.json</c>.</summary>
    public DevTokens DevTokens => Application.DevCredentials.Tokens;

    /// <summary>A token the running gateway accepts, for a chosen role and studies (<c>*</c> for all).</summary>
    /// <param name="issuedAt">Now unless given: an hour ago with the default lifetime makes an expired token.</param>
    public string MintToken(string role, IReadOnlyCollection<string> studies, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, string? subject = null) =>
        Application.DevCredentials.Issuer.Mint(subject ?? $"test-{role}", role, studies, lifetime ?? TimeSpan.FromMinutes(30), issuedAt);

    /// <summary>Starts the platform and returns once every resource is healthy.</summary>
    public static async Task<WidgetPlatformTestHost> StartAsync(TestHostOptions? testOptions = null, CancellationToken cancellationToken = default)
    {
        testOptions ??= new TestHostOptions();
        var stateDirectory = Directory.CreateTempSubdirectory("widgetplatform-test-");
        // RabbitMQ runs as its own user when we are root: it must be able to reach its folder inside ours.
        stateDirectory.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var options = new DistributedApplicationOptions
        {
            StateDirectory = stateDirectory.FullName,
            Replicas = testOptions.Replicas,
            ExternalRedis = testOptions.ExternalRedis,
            ExternalRabbitMq = testOptions.ExternalRabbitMq,
            DemoRows = testOptions.DemoRows,
            Environment = testOptions.Environment,
        };
        var application = new DistributedApplicationBuilder(options).AddWidgetPlatform().Build();
        DashboardServer? dashboard = null;
        try
        {
            if (testOptions.WithDashboard)
            {
                dashboard = await DashboardServer.StartAsync(application, new Uri("http://127.0.0.1:0"), cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            try
            {
                await application.StartAsync(timeout.Token);
                await application.WaitForAllHealthyAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The platform was not healthy within {StartTimeout.TotalSeconds:0} s.\n{Describe(application)}");
            }

            return new WidgetPlatformTestHost(application, stateDirectory, dashboard);
        }
        catch
        {
            if (dashboard is not null)
            {
                await dashboard.DisposeAsync();
            }

            await application.DisposeAsync();
            stateDirectory.Delete(recursive: true);
            throw;
        }
    }

    public string GetConnectionString(string resourceName) => Application.GetConnectionString(resourceName);

    /// <summary>An HttpClient for one replica of a service, like Aspire's CreateHttpClient; with a bearer token when given one.</summary>
    public HttpClient CreateHttpClient(string projectName, int replica = 0, string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = Application.GetEndpoint(projectName, replica) };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    public ResourceSnapshot GetResource(string instanceName) => Application.Find(instanceName).Snapshot();

    /// <summary>Waits until an instance satisfies a condition, polling its snapshot.</summary>
    public async Task<ResourceSnapshot> WaitForResourceAsync(string instanceName, Func<ResourceSnapshot, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var snapshot = GetResource(instanceName);
            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{instanceName} did not reach the expected state within {timeout.TotalSeconds:0} s; it is {snapshot}.\n{Describe(Application)}");
            }
        }
    }

    /// <summary>The state and last log lines of every instance: what a failing test needs to say why.</summary>
    private static string Describe(DistributedApplication application) =>
        string.Join('\n', application.Instances.Select(instance =>
            $"{instance.Name}: {instance.State} {instance.Health}\n" +
            string.Join('\n', instance.Log.After(0, 15).Select(line => $"    {line.Stream}: {line.Text}"))));

    public async ValueTask DisposeAsync()
    {
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

        await Application.DisposeAsync();
        _stateDirectory.Delete(recursive: true);
    }
}
