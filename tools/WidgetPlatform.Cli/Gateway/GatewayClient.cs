using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WidgetPlatform.Cli.Gateway;

/// <summary>
/// The gateway's HTTP API (docs/design.md §6) as the CLI uses it. Every failure becomes a <see cref="CommandFailedException"/>
/// with the exit code it deserves: unreachable, 401 and 403 are "cannot connect"; 400 is bad usage; the rest failures.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public GatewayClient(Uri baseUrl, string token, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        // No overall timeout on the client itself: the event stream stays open; each call bounds itself instead.
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = baseUrl;
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(100);
    }

    public Uri BaseUrl => _http.BaseAddress!;

    /// <summary>A JSON answer of the gateway as the CLI's record of it; an answer that is not one fails the command, saying so.</summary>
    public static T Read<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw CommandFailedException.Failed("The gateway answered with null.");
        }
        catch (JsonException exception)
        {
            throw CommandFailedException.Failed($"The gateway's answer is not the expected JSON: {exception.Message}", exception);
        }
    }

    public TimeSpan RequestTimeout { get; }

    public Task<string> FleetStatisticsJsonAsync(CancellationToken cancellationToken) =>
        GetStringAsync("api/cache/stats", cancellationToken);

    public Task<string> StudyStatisticsJsonAsync(string studyId, CancellationToken cancellationToken) =>
        GetStringAsync($"api/cache/studies/{Escape(studyId)}/stats", cancellationToken);

    public Task<string> WidgetStatisticsJsonAsync(string studyId, string widgetId, CancellationToken cancellationToken) =>
        GetStringAsync($"api/cache/studies/{Escape(studyId)}/widgets/{Escape(widgetId)}/stats", cancellationToken);

    public Task<string> AlertsJsonAsync(CancellationToken cancellationToken) => GetStringAsync("api/cache/alerts", cancellationToken);

    public Task<string> EntryJsonAsync(string studyId, string key, CancellationToken cancellationToken) =>
        GetStringAsync($"api/cache/studies/{Escape(studyId)}/entries/{Escape(key)}", cancellationToken);

    public Task<string> EntriesJsonAsync(string studyId, string widgetId, int limit, CancellationToken cancellationToken) =>
        GetStringAsync($"api/cache/studies/{Escape(studyId)}/widgets/{Escape(widgetId)}/entries?limit={limit}", cancellationToken);

    public async Task DeleteEntryAsync(string studyId, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/cache/studies/{Escape(studyId)}/entries/{Escape(key)}");
        using var _ = await SendAsync(request, HttpStatusCode.Accepted, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListStudiesAsync(CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<string[]>(await GetStringAsync("api/studies", cancellationToken), Json) ?? [];

    /// <summary>The study's widget ids, in the gateway's order.</summary>
    public async Task<IReadOnlyList<string>> ListWidgetsAsync(string studyId, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await GetStringAsync($"api/studies/{Escape(studyId)}/widgets", cancellationToken));
        return [.. document.RootElement.EnumerateArray().Select(widget => widget.GetProperty("widgetId").GetString()).OfType<string>()];
    }

    /// <summary>Requests one widget's default view (no dates, no filters) and returns its <c>metadata.cache</c>: hit, miss, stale or bypass.</summary>
    public async Task<string> RequestWidgetDataAsync(string studyId, string widgetId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/studies/{Escape(studyId)}/widgets/{Escape(widgetId)}/data");
        using var response = await SendAsync(request, HttpStatusCode.OK, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("cache", out var cache)
            ? cache.GetString() ?? "unknown"
            : "unknown";
    }

    public async Task RequestInvalidationAsync(InvalidationRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/cache/invalidations") { Content = JsonContent.Create(body, options: Json) };
        using var _ = await SendAsync(request, HttpStatusCode.Accepted, cancellationToken);
    }

    public async Task RequestWarmupAsync(WarmupRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/cache/warmups") { Content = JsonContent.Create(body, options: Json) };
        using var _ = await SendAsync(request, HttpStatusCode.Accepted, cancellationToken);
    }

    /// <summary>Opens the study's server-sent events; the caller reads until it has what it waits for.</summary>
    public async Task<StudyEvents> OpenEventsAsync(string studyId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/studies/{Escape(studyId)}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await SendAsync(request, HttpStatusCode.OK, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        return new StudyEvents(studyId, request, response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    private async Task<string> GetStringAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, HttpStatusCode.OK, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpStatusCode expected, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var what = $"{request.Method} /{request.RequestUri}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, timeout.Token);
        }
        catch (HttpRequestException exception)
        {
            throw CommandFailedException.CannotConnect($"Cannot reach the gateway at {BaseUrl}: {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw CommandFailedException.CannotConnect(
                $"The gateway at {BaseUrl} did not answer {what} within {RequestTimeout.TotalSeconds:0} s.", exception);
        }

        if (response.StatusCode == expected)
        {
            return response;
        }

        using (response)
        {
            throw await GatewayErrors.FromResponseAsync(response, what, cancellationToken);
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    public void Dispose() => _http.Dispose();
}
