using System.Net;
using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>The operators' endpoints as the tests read them: statistics, alerts and entries, parsed.</summary>
internal static class OperatorApi
{
    public static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A widget's counts since the statistics started: hit, miss, stale, bypass.</summary>
    public static async Task<Counts> SinceStartAsync(HttpClient client, string studyId, string widgetId) =>
        Counts.Of((await JsonAsync(client, $"api/cache/studies/{studyId}/widgets/{widgetId}/stats")).GetProperty("traffic").GetProperty("sinceStart"));

    /// <summary>The names of the alerts firing.</summary>
    public static async Task<IReadOnlyList<string>> FiringAsync(HttpClient client) =>
        [.. (await JsonAsync(client, "api/cache/alerts")).GetProperty("firing").EnumerateArray().Select(alert => alert.GetProperty("name").GetString()!)];

    public static string EntryPath(string studyId, string key) => $"api/cache/studies/{studyId}/entries/{Uri.EscapeDataString(key)}";

    /// <summary>The entry's details, or null once Redis holds none under the key (404).</summary>
    public static async Task<JsonElement?> EntryAsync(HttpClient client, string studyId, string key)
    {
        using var response = await client.GetAsync(new Uri(EntryPath(studyId, key), UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET entry {key}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public sealed record Counts(long Requests, long Hit, long Miss, long Stale, long Bypass)
    {
        public static Counts Of(JsonElement window) => new(
            window.GetProperty("requests").GetInt64(),
            window.GetProperty("hit").GetInt64(),
            window.GetProperty("miss").GetInt64(),
            window.GetProperty("stale").GetInt64(),
            window.GetProperty("bypass").GetInt64());
    }
}
