using System.Net;
using System.Text.Json;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>A data response as the benchmark reads it: its bytes and the metadata that says where it came from.</summary>
internal sealed record WidgetAnswer(HttpStatusCode Status, byte[] Body, string? Cache, string? DataVersion, string? Key)
{
    public bool IsHit => Status == HttpStatusCode.OK && Cache == "hit";

    public static async Task<WidgetAnswer> GetAsync(HttpClient client, string path, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return From(response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public static WidgetAnswer From(HttpStatusCode status, byte[] body)
    {
        if (status != HttpStatusCode.OK)
        {
            return new WidgetAnswer(status, body, null, null, null);
        }

        using var document = JsonDocument.Parse(body);
        return From(status, body, document.RootElement);
    }

    public static WidgetAnswer From(HttpStatusCode status, byte[] body, JsonElement answer)
    {
        var metadata = answer.GetProperty("metadata");
        return new WidgetAnswer(status, body, metadata.GetProperty("cache").GetString(), metadata.GetProperty("dataVersion").GetString(), metadata.GetProperty("key").GetString());
    }
}
