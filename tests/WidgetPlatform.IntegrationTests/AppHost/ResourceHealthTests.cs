using System.Text.Json;
using WidgetPlatform.Dashboard.Resources;

namespace WidgetPlatform.IntegrationTests.AppHost;

[Collection(SharedPlatform.Name)]
public sealed class ResourceHealthTests(PlatformFixture platform)
{
    private static readonly string[] Resources = ["cache", "messaging", "query", "invalidation", "warmer"];

    [Fact]
    public void EveryResourceRunsAndIsHealthy()
    {
        var snapshots = platform.Host.Application.GetResources();

        Assert.Equal(Resources.Order(), snapshots.Select(s => s.Resource).Order());
        Assert.All(snapshots, s =>
        {
            Assert.Equal(ResourceState.Running, s.State);
            Assert.Equal(ResourceHealth.Healthy, s.Health);
            Assert.NotNull(s.Pid);
        });
    }

    [Theory]
    [InlineData("query")]
    [InlineData("invalidation")]
    [InlineData("warmer")]
    public async Task EveryServiceAnswersHealthAndAlive(string service)
    {
        using var client = platform.Host.CreateHttpClient(service);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
        Assert.True(alive.IsSuccessStatusCode);
    }

    [Fact]
    public async Task ResourcesFileDescribesEveryInstanceForScripts()
    {
        var path = Path.Combine(platform.Host.StateDirectory, "resources.json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));

        var resources = document.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(Resources.Order(), resources.Keys.Order());
        Assert.StartsWith("127.0.0.1:", resources["cache"].GetProperty("connectionString").GetString());
        Assert.StartsWith("amqp://", resources["messaging"].GetProperty("connectionString").GetString());
        Assert.Equal(platform.Host.Application.GetEndpoint("query").ToString().TrimEnd('/'), resources["query"].GetProperty("endpoints")[0].GetString());
        Assert.True(resources["query"].GetProperty("pid").GetInt32() > 0);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
