using System.Diagnostics;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.IntegrationTests.AppHost;

[Collection(SharedPlatform.Name)]
public sealed class RestartTests(PlatformFixture platform)
{
    [Fact]
    public async Task KilledServiceIsRestartedAndBecomesHealthyAgain()
    {
        var before = platform.Host.GetResource("warmer");

        Process.GetProcessById(before.Pid!.Value).Kill();

        var after = await platform.Host.WaitForResourceAsync(
            "warmer",
            s => s.RestartCount == before.RestartCount + 1 && s.State == ResourceState.Running && s.Health == ResourceHealth.Healthy,
            TimeSpan.FromSeconds(60));
        Assert.NotEqual(before.Pid, after.Pid);
        Assert.Contains("exit code", after.LastExit);
        using var client = platform.Host.CreateHttpClient("warmer");
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task StoppedServiceStaysStoppedUntilStartedAgain()
    {
        var control = platform.Host.Application;

        await control.StopAsync("invalidation", CancellationToken.None);
        var stopped = platform.Host.GetResource("invalidation");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(ResourceState.Stopped, platform.Host.GetResource("invalidation").State);
        Assert.Null(stopped.Pid);
        await control.StartAsync("invalidation", CancellationToken.None);
        await platform.Host.WaitForResourceAsync("invalidation", s => s.Health == ResourceHealth.Healthy, TimeSpan.FromSeconds(60));
    }
}
