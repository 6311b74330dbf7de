using WidgetPlatform.Auth;

namespace WidgetPlatform.Cli.Configuration;

/// <summary>
/// Resolves where the platform is and how to authenticate, each on demand (cleanup needs no token, status no Redis):
/// the option first, then the environment variable, then the AppHost's files in the state folder.
/// </summary>
public sealed class PlatformSettings(string? url, string? token, string? stateDirectory, CliEnvironment environment)
{
    private const string StartHint = "is the platform running? Start it with scripts/run.sh, or pass --state-dir";

    public Uri GatewayUrl()
    {
        if ((url ?? environment.Get(CliEnvironment.UrlVariable)) is { } explicitUrl)
        {
            return Configuration.GatewayUrl.TryParse(explicitUrl, out var parsed, out var error)
                ? parsed
                : throw CommandFailedException.BadUsage($"{(url is null ? CliEnvironment.UrlVariable : "--url")}: {error}.");
        }

        var (resources, path) = Resources("the gateway URL", "--url", CliEnvironment.UrlVariable);
        return resources.QueryUrl ?? throw CommandFailedException.CannotConnect($"{path} lists no endpoint for 'query': {StartHint}.");
    }

    public string Token()
    {
        if ((token ?? environment.Get(CliEnvironment.TokenVariable)) is { } explicitToken)
        {
            return explicitToken;
        }

        var directory = StateDirectory("a token", "--token", CliEnvironment.TokenVariable);
        var path = Path.Combine(directory, DevTokens.FileName);
        if (!File.Exists(path))
        {
            throw CommandFailedException.CannotConnect($"No token: {path} does not exist ({StartHint}; or pass --token or set {CliEnvironment.TokenVariable}).");
        }

        try
        {
            return DevTokens.FromJson(File.ReadAllText(path)).Admin;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw CommandFailedException.CannotConnect($"Cannot read the admin token from {path}: {exception.Message}", exception);
        }
    }

    public string RedisConnectionString(string? redisOption)
    {
        if ((redisOption ?? environment.Get(CliEnvironment.RedisVariable)) is { } explicitRedis)
        {
            return explicitRedis;
        }

        var (resources, path) = Resources("Redis", "--redis", CliEnvironment.RedisVariable);
        return resources.CacheConnectionString
            ?? throw CommandFailedException.CannotConnect($"{path} has no connection string for 'cache': {StartHint}.");
    }

    private (PlatformResources Resources, string Path) Resources(string what, string option, string variable)
    {
        var path = Path.Combine(StateDirectory(what, option, variable), PlatformResources.FileName);
        return File.Exists(path)
            ? (PlatformResources.Read(path), path)
            : throw CommandFailedException.CannotConnect($"Cannot find {what}: {path} does not exist ({StartHint}; or pass {option} or set {variable}).");
    }

    private string StateDirectory(string what, string option, string variable)
    {
        if (stateDirectory is not null)
        {
            return Path.GetFullPath(stateDirectory, environment.CurrentDirectory);
        }

        return PlatformLocator.FindStateDirectory(environment.CurrentDirectory)
            ?? throw CommandFailedException.CannotConnect(
                $"Cannot find {what}: no {PlatformLocator.StateFolderName}/ in {environment.CurrentDirectory} or above ({StartHint}; or pass {option} or set {variable}).");
    }
}
