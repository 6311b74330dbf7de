using Aspire.Hosting.ApplicationModel;

namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>What an operator does from the Aspire dashboard: a crashed service is shown as such and its Start brings it back.</summary>
[Collection(SharedPlatform.Name)]
public sealed class ServiceControlTests(PlatformFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AKilledServiceIsShownAsExitedAndStartBringsItBackHealthy()
    {
        var before = platform.Host.Instance("warmer");

        platform.Host.Kill("warmer");
        await platform.Host.WaitForAsync("warmer", instance => !instance.IsRunning, Timeout);
        var exited = platform.Host.Instance("warmer");
        await platform.Host.StartAsync("warmer");
        await platform.Host.WaitForAsync("warmer", instance => instance.IsRunningAndHealthy, Timeout);

        Assert.Contains(exited.State, new[] { KnownResourceStates.Exited, KnownResourceStates.Finished });
        Assert.NotEqual(before.Pid, platform.Host.Instance("warmer").Pid);
        using var client = platform.Host.CreateHttpClient("warmer");
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AStoppedServiceStaysStoppedUntilStartedAgain()
    {
        await platform.Host.StopAsync("invalidation");
        await platform.Host.WaitForAsync("invalidation", instance => !instance.IsRunning, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stopped = platform.Host.Instance("invalidation");

        await platform.Host.StartAsync("invalidation");
        await platform.Host.WaitForAsync("invalidation", instance => instance.IsRunningAndHealthy, Timeout);

        Assert.NotEqual(KnownResourceStates.Running, stopped.State);
        Assert.True(platform.Host.Instance("invalidation").IsRunningAndHealthy);
    }
}
