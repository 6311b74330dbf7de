using System.Text.Json;

namespace WidgetPlatform.Cli.Configuration;

/// <summary>What the CLI needs from the AppHost's <c>resources.json</c>: the gateway's URL and Redis's connection string.</summary>
public sealed record PlatformResources(Uri? QueryUrl, string? CacheConnectionString)
{
    public const string FileName = "resources.json";
    private const string QueryResource = "query";
    private const string CacheResource = "cache";

    public static PlatformResources Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CommandFailedException.CannotConnect($"Cannot read {path}: {exception.Message}", exception);
        }
        catch (JsonException exception)
        {
            throw CommandFailedException.CannotConnect($"{path} is not the AppHost's resources file: {exception.Message}", exception);
        }
    }

    /// <summary>The first replica's endpoint of <c>query</c> (replicas share Redis, so any one answers for the fleet).</summary>
    public static PlatformResources Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Uri? queryUrl = null;
        string? cache = null;
        if (document.RootElement.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                var name = resource.TryGetProperty("resource", out var value) ? value.GetString() : null;
                if (name == QueryResource && queryUrl is null && resource.TryGetProperty("endpoints", out var endpoints)
                    && endpoints.ValueKind == JsonValueKind.Array && endpoints.GetArrayLength() > 0
                    && GatewayUrl.TryParse(endpoints[0].GetString(), out var url, out _))
                {
                    queryUrl = url;
                }
                else if (name == CacheResource && cache is null && resource.TryGetProperty("connectionString", out var connection))
                {
                    cache = connection.GetString();
                }
            }
        }

        return new PlatformResources(queryUrl, cache);
    }
}
