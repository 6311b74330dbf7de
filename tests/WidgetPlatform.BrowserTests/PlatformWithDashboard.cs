using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.BrowserTests;

/// <summary>One platform with Aspire's dashboard for every test of a class: starting it takes most of a test's time.</summary>
public sealed class PlatformWithDashboard : IAsyncLifetime
{
    private TestPlatform? _platform;

    public TestPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _platform = await TestPlatform.StartAsync(new TestPlatformOptions { WithDashboard = true });

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
