using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests;

/// <summary>One running platform shared by the tests of a collection: RabbitMQ alone takes seconds to start.</summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly TestPlatformOptions _options;
    private TestPlatform? _host;

    public PlatformFixture()
        : this(new TestPlatformOptions())
    {
    }

    /// <summary>For a collection that needs the platform shaped otherwise (more replicas, other settings).</summary>
    protected PlatformFixture(TestPlatformOptions options) => _options = options;

    public TestPlatform Host => _host ?? throw new InvalidOperationException("The platform has not started.");

    public virtual async Task InitializeAsync() => _host = await TestPlatform.StartAsync(_options);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
