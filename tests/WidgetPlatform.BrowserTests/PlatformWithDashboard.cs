using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.BrowserTests;

/// <summary>The platform with Aspire's dashboard and the demo dashboard (<c>web</c>), shared by every browser test.</summary>
public sealed class PlatformWithDashboard : IAsyncLifetime
{
    private TestPlatform? _platform;

    public TestPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _platform = await TestPlatform.StartAsync(new TestPlatformOptions { WithDashboard = true, WithWeb = true });

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
