using System.Net;
using System.Net.Http.Json;
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
    public static async Task<string> CacheResultAsync(HttpClient gateway, string studyId, string widgetId, string query = "") =>
        (await AnswerAsync(gateway, studyId, widgetId, query)).Cache;

    /// <summary>GETs widget data and returns <c>metadata.cache</c> and <c>metadata.calculatedAt</c>: whether it was recomputed.</summary>
    public static async Task<WidgetAnswer> AnswerAsync(HttpClient gateway, string studyId, string widgetId, string query = "")
    {
        using var response = await gateway.GetAsync(new Uri($"api/studies/{studyId}/widgets/{widgetId}/data{query}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{widgetId}{query}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        var metadata = document.RootElement.GetProperty("metadata");
        return new WidgetAnswer(metadata.GetProperty("cache").GetString()!, metadata.GetProperty("calculatedAt").GetString()!);
    }

    /// <summary>Defines a count widget over AE carrying one tag, through the admin API as a user would.</summary>
    public static async Task PutTaggedWidgetAsync(HttpClient gateway, string studyId, string widgetId, string tag)
    {
        using var response = await gateway.PutAsJsonAsync(
            new Uri($"api/studies/{studyId}/widgets/{widgetId}", UriKind.Relative),
            new { widgetId, type = "metric", dataset = "AE", measure = new { op = "count" }, tags = new[] { tag } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {widgetId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task DeleteWidgetAsync(HttpClient gateway, string studyId, string widgetId)
    {
        using var response = await gateway.DeleteAsync(new Uri($"api/studies/{studyId}/widgets/{widgetId}", UriKind.Relative));
    }
}

/// <summary>A data answer's cache result and when it was computed.</summary>
internal sealed record WidgetAnswer(string Cache, string CalculatedAt);
