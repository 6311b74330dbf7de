using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.UnitTests.Cli;

public sealed class PlatformResourcesTests
{
    [Fact]
    public void ReadsTheFirstQueryReplicaAndTheCacheConnectionString()
    {
        var resources = PlatformResources.Parse(PlatformFiles.Resources);

        Assert.Equal(new Uri("http://127.0.0.1:5101/"), resources.QueryUrl);
        Assert.Equal("127.0.0.1:6390,password=secret", resources.CacheConnectionString);
    }

    [Fact]
    public void APlatformThatIsNotRunningHasNoEndpoints()
    {
        var resources = PlatformResources.Parse("""{ "resources": [ { "name": "query", "resource": "query", "endpoints": [] } ] }""");

        Assert.Null(resources.QueryUrl);
        Assert.Null(resources.CacheConnectionString);
    }

    [Fact]
    public void AMalformedFileIsCannotConnectNotACrash()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("{ not json", "resources.json");

        var failure = Assert.Throws<WidgetPlatform.Cli.CommandFailedException>(() => PlatformResources.Read(path));

        Assert.Equal(WidgetPlatform.Cli.ExitCodes.CannotConnect, failure.ExitCode);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
    }
}
