using System.Net;
using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>A data response as a client sees it: status, validators and the parsed body.</summary>
public sealed record WidgetResponse(HttpStatusCode Status, string? EntityTag, string? CacheControl, JsonElement Body, string Text)
{
    public JsonElement Metadata => Body.GetProperty("metadata");

    public string Cache => Metadata.GetProperty("cache").GetString()!;

    public string Key => Metadata.GetProperty("key").GetString()!;

    public string DataVersion => Metadata.GetProperty("dataVersion").GetString()!;

    public string CalculatedAt => Metadata.GetProperty("calculatedAt").GetString()!;

    public string Data => Body.GetProperty("data").GetRawText();

    public static async Task<WidgetResponse> GetAsync(HttpClient client, string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        var cacheControl = response.Headers.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : null;
        return new WidgetResponse(response.StatusCode, response.Headers.ETag?.ToString(), cacheControl, body, text);
    }
}
