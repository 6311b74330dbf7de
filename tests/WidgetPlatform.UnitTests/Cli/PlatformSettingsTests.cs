using WidgetPlatform.Cli;
using WidgetPlatform.Cli.Configuration;

namespace WidgetPlatform.UnitTests.Cli;

public sealed class PlatformSettingsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly Dictionary<string, string> _variables = [];

    public PlatformSettingsTests()
    {
        _folder.File(PlatformFiles.Resources, "repo", ".widgetplatform", "resources.json");
        _folder.File(PlatformFiles.DevTokens, "repo", ".widgetplatform", "dev-tokens.json");
    }

    [Fact]
    public void DefaultsComeFromTheStateFolderFoundUpwards()
    {
        var settings = Settings();

        Assert.Equal(new Uri("http://127.0.0.1:5101/"), settings.GatewayUrl());
        Assert.Equal("admin-token", settings.Token());
        Assert.Equal("127.0.0.1:6390,password=secret", settings.RedisConnectionString(null));
    }

    [Fact]
    public void EnvironmentVariablesBeatTheFiles()
    {
        _variables[CliEnvironment.UrlVariable] = "http://10.0.0.5:8080";
        _variables[CliEnvironment.TokenVariable] = "env-token";
        _variables[CliEnvironment.RedisVariable] = "10.0.0.6:6379";

        var settings = Settings();

        Assert.Equal(new Uri("http://10.0.0.5:8080/"), settings.GatewayUrl());
        Assert.Equal("env-token", settings.Token());
        Assert.Equal("10.0.0.6:6379", settings.RedisConnectionString(null));
    }

    [Fact]
    public void OptionsBeatEverything()
    {
        _variables[CliEnvironment.UrlVariable] = "http://10.0.0.5:8080";
        _variables[CliEnvironment.TokenVariable] = "env-token";

        var settings = Settings(url: "http://option:1", token: "option-token");

        Assert.Equal(new Uri("http://option:1/"), settings.GatewayUrl());
        Assert.Equal("option-token", settings.Token());
        Assert.Equal("option:2", settings.RedisConnectionString("option:2"));
    }

    [Fact]
    public void AGivenStateFolderIsUsedWithoutWalking()
    {
        var elsewhere = _folder.Folder("elsewhere");
        _folder.File("""{ "resources": [ { "resource": "query", "endpoints": ["http://127.0.0.1:7000"] } ] }""", "elsewhere", "resources.json");

        Assert.Equal(new Uri("http://127.0.0.1:7000/"), Settings(stateDirectory: elsewhere).GatewayUrl());
    }

    [Fact]
    public void AMissingDevTokensFileIsCannotConnectWithItsPath()
    {
        var elsewhere = _folder.Folder("no-tokens");
        _folder.File(PlatformFiles.Resources, "no-tokens", "resources.json");

        var failure = Assert.Throws<CommandFailedException>(() => Settings(stateDirectory: elsewhere).Token());

        Assert.Equal(ExitCodes.CannotConnect, failure.ExitCode);
        Assert.Contains(Path.Combine(elsewhere, "dev-tokens.json"), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoStateFolderAnywhereIsCannotConnect()
    {
        var failure = Assert.Throws<CommandFailedException>(() =>
            new PlatformSettings(null, null, null, new CliEnvironment(_folder.Folder("outside"), _ => null)).GatewayUrl());

        Assert.Equal(ExitCodes.CannotConnect, failure.ExitCode);
        Assert.Contains("--url", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidUrlVariableIsBadUsage()
    {
        _variables[CliEnvironment.UrlVariable] = "gateway:80";

        var failure = Assert.Throws<CommandFailedException>(() => Settings().GatewayUrl());

        Assert.Equal(ExitCodes.BadUsage, failure.ExitCode);
        Assert.Contains(CliEnvironment.UrlVariable, failure.Message, StringComparison.Ordinal);
    }

    private PlatformSettings Settings(string? url = null, string? token = null, string? stateDirectory = null) =>
        new(url, token, stateDirectory, new CliEnvironment(_folder.Folder("repo", "tools"), name => _variables.GetValueOrDefault(name)));

    public void Dispose() => _folder.Dispose();
}
