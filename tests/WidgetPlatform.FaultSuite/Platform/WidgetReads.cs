using System.Net;
using System.Text.Json;
using WidgetPlatform.FaultSuite.History;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>Reads of widget data as the suite records them: status and the data version the answer names.</summary>
public static class WidgetReads
{
    /// <summary>The widgets of the study that read <paramref name="dataset"/> of the source layer.</summary>
    public static async Task<IReadOnlyList<string>> ReadingAsync(HttpClient client, string studyId, string dataset)
    {
        using var widgets = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/studies/{studyId}/widgets", UriKind.Relative)));
        return [.. widgets.RootElement.EnumerateArray()
            .Where(widget => widget.GetProperty("dataset").GetString() == dataset && widget.GetProperty("layer").GetString() == "source")
            .Select(widget => widget.GetProperty("widgetId").GetString()!)];
    }

    /// <summary>One read, timed on the suite's clock; a failed connection is status 0.</summary>
    public static async Task<ReadRecord> ReadAsync(HttpClient client, int reader, string widget, string path, CancellationToken cancellationToken)
    {
        var started = SuiteClock.NowMs;
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            string? version = null;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                version = body.RootElement.GetProperty("metadata").GetProperty("dataVersion").GetString();
            }

            return new ReadRecord(reader, widget, started, SuiteClock.NowMs, (int)response.StatusCode, version);
        }
        catch (HttpRequestException)
        {
            return new ReadRecord(reader, widget, started, SuiteClock.NowMs, 0, null);
        }
    }
}
