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

    /// <summary>Each widget's default view, three sites and two ranges: many keys, every one of them reading the dataset.</summary>
    public static IReadOnlyList<(string Widget, string Path)> Views(string studyId, IReadOnlyList<string> widgets) =>
    [
        .. widgets.SelectMany(widget => new[] { "", "f.site=S01", "f.site=S02", "f.site=S03", "from=2023-06-01&to=2023-12-31", "from=2024-01-01&to=2024-03-31" }
            .Select(query => (widget, $"api/studies/{studyId}/widgets/{widget}/data{(query.Length > 0 ? "?" + query : "")}"))),
    ];

    /// <summary>One read, timed on the suite's clock; no answer (a failed connection, the client's timeout) is status 0.</summary>
    public static async Task<ReadRecord> ReadAsync(HttpClient client, int reader, string widget, string path, CancellationToken cancellationToken)
    {
        var started = SuiteClock.NowMs;
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new ReadRecord(reader, widget, started, SuiteClock.NowMs, (int)response.StatusCode, null);
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var metadata = body.RootElement.GetProperty("metadata");
            return new ReadRecord(
                reader, widget, started, SuiteClock.NowMs, (int)response.StatusCode, metadata.GetProperty("dataVersion").GetString(),
                metadata.GetProperty("cache").GetString(), metadata.GetProperty("calculatedAt").GetDateTimeOffset());
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer: the connection failed, or nothing came within the client's timeout.
            return new ReadRecord(reader, widget, started, SuiteClock.NowMs, 0, null);
        }
    }
}
