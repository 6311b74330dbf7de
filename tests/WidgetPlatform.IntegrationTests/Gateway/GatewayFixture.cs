using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>A platform with two gateway replicas, so that what must hold across replicas is tested across replicas.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string Study = "STUDY-001";

    private TestPlatform? _host;

    public TestPlatform Host => _host ?? throw new InvalidOperationException("The platform has not started.");

    public HttpClient Replica(int replica, string? token = null) => Host.CreateHttpClient("query", replica, token ?? Host.DevTokens.Admin);

    public async Task InitializeAsync() =>
        _host = await TestPlatform.StartAsync(new TestPlatformOptions { Replicas = new Dictionary<string, int> { ["query"] = 2 } });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayPlatform : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
