using System.Text.Json;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.AppHost;

[Collection(SharedPlatform.Name)]
public sealed class ResourceHealthTests(PlatformFixture platform)
{
    private static readonly string[] Resources = [.. TestPlatform.BackingServices, .. TestPlatform.Services];

    [Theory]
    [InlineData("cache")]
    [InlineData("messaging")]
    [InlineData("messaging-epmd")]
    [InlineData("query")]
    [InlineData("invalidation")]
    [InlineData("warmer")]
    public void EveryResourceRunsAsAHealthyProcess(string resource)
    {
        var instance = platform.Host.Instance(resource);

        Assert.True(instance.IsRunningAndHealthy, instance.ToString());
        Assert.NotNull(instance.Pid);
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
    public async Task ResourcesFileDescribesEveryResourceForOutsideClients()
    {
        var path = Path.Combine(platform.Host.StateDirectory, "resources.json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));

        var resources = document.RootElement.GetProperty("resources").EnumerateArray()
            .GroupBy(resource => resource.GetProperty("resource").GetString()!)
            .ToDictionary(group => group.Key, group => group.First());
        Assert.All(Resources, name => Assert.Contains(name, resources.Keys));
        Assert.Equal(platform.Host.GetConnectionString("cache"), resources["cache"].GetProperty("connectionString").GetString());
        Assert.StartsWith("amqp://", resources["messaging"].GetProperty("connectionString").GetString());
        Assert.Equal(platform.Host.GetConnectionString(TestPlatform.PipelineMessaging), resources[TestPlatform.PipelineMessaging].GetProperty("connectionString").GetString());
        Assert.StartsWith("http://", resources["query"].GetProperty("endpoints")[0].GetString());
        Assert.Equal("Running", resources["query"].GetProperty("state").GetString());
        Assert.Equal(platform.Host.Instance("query").Pid, resources["query"].GetProperty("pid").GetInt32());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("dashboard").ValueKind); // the tests run without it
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task ResourcesFileEndpointOfTheGatewayAnswers()
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(platform.Host.StateDirectory, "resources.json")));
        var query = document.RootElement.GetProperty("resources").EnumerateArray().First(resource => resource.GetProperty("resource").GetString() == "query");
        using var client = new HttpClient { BaseAddress = new Uri(query.GetProperty("endpoints")[0].GetString()!) };

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(health.IsSuccessStatusCode);
    }
}
