using WidgetPlatform.Testing;

namespace WidgetPlatform.IntegrationTests;

/// <summary>One running platform shared by the tests of a collection: RabbitMQ alone takes seconds to start.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private WidgetPlatformTestHost? _host;

    public WidgetPlatformTestHost Host => _host ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync() => _host = await WidgetPlatformTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
