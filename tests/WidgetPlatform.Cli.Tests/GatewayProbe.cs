using System.Net;
using System.Text.Json;

namespace WidgetPlatform.Cli.Tests;

/// <summary>What the tests check through the gateway directly, as a dashboard would, rather than through the CLI under test.</summary>
internal static class GatewayProbe
{
    public static async Task<IReadOnlyList<JsonElement>> WidgetsAsync(HttpClient gateway, string studyId)
    {
        using var document = JsonDocument.Parse(await gateway.GetStringAsync(new Uri($"api/studies/{studyId}/widgets", UriKind.Relative)));
        return [.. document.RootElement.EnumerateArray().Select(widget => widget.Clone())];
    }

    /// <summary>GETs widget data and returns <c>metadata.cache</c>.</summary>
    public static async Task<string> CacheResultAsync(HttpClient gateway, string studyId, string widgetId, string query = "")
    {
        using var response = await gateway.GetAsync(new Uri($"api/studies/{studyId}/widgets/{widgetId}/data{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{widgetId}{query}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("metadata").GetProperty("cache").GetString()!;
    }
}
