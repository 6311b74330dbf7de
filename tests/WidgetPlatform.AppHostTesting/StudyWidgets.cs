using System.Net.Http.Json;
using System.Text.Json;

namespace WidgetPlatform.AppHostTesting;

/// <summary>A study's widgets as the gateway lists them, for tests and benchmarks that follow them on a page.</summary>
public static class StudyWidgets
{
    /// <summary>
    /// The ids of the study's widgets; with <paramref name="sourceDataset"/>, only those reading that dataset's source layer
    /// (the ones an upload of it changes).
    /// </summary>
    public static async Task<List<string>> IdsAsync(HttpClient viewer, string studyId, string? sourceDataset = null)
    {
        var definitions = await viewer.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/widgets");
        return [.. definitions.EnumerateArray()
            .Where(definition => sourceDataset is null || (definition.GetProperty("dataset").GetString() == sourceDataset && ReadsSource(definition)))
            .Select(definition => definition.GetProperty("widgetId").GetString()!)];
    }

    private static bool ReadsSource(JsonElement definition) =>
        !definition.TryGetProperty("layer", out var layer) || layer.GetString() == "source";
}
