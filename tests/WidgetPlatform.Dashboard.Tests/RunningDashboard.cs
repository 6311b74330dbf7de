using WidgetPlatform.Dashboard.Tests.Fakes;

namespace WidgetPlatform.Dashboard.Tests;

/// <summary>A dashboard on a free loopback port over a fresh fake holding <see cref="SampleResources.All"/>.</summary>
public sealed class RunningDashboard : IAsyncDisposable
{
    private RunningDashboard(FakeResourceControl control, DashboardServer server)
    {
        Control = control;
        Server = server;
    }

    public FakeResourceControl Control { get; }

    public DashboardServer Server { get; }

    public static async Task<RunningDashboard> StartAsync()
    {
        var control = new FakeResourceControl(SampleResources.All);
        var server = await DashboardServer.StartAsync(control, new Uri("http://127.0.0.1:0"), CancellationToken.None);
        return new RunningDashboard(control, server);
    }

    public HttpClient CreateClient() => new() { BaseAddress = Server.Url };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
