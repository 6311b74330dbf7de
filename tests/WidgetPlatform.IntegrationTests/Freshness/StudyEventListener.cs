using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.Freshness;

/// <summary>A study's server-sent events as a test reads them: open, wait for <c>connected</c>, then wait for what it expects.</summary>
public sealed class StudyEventListener : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private StudyEventListener(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<StudyEventListener> OpenAsync(HttpClient client, string studyId)
    {
        var response = await client.GetAsync(new Uri($"/api/studies/{studyId}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = new StudyEventListener(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        await stream.NextAsync(name => name == "connected", _ => true, TimeSpan.FromSeconds(10));
        return stream;
    }

    /// <summary>The first event of that name whose data matches, within the timeout.</summary>
    public async Task<JsonElement> NextAsync(Func<string, bool> name, Func<JsonElement, bool> matches, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var (eventName, data) = await ReadEventAsync(deadline.Token);
            if (name(eventName) && matches(data))
            {
                return data;
            }
        }
    }

    /// <summary>
    /// For each expected event name, the first such event whose data matches, in whichever order they arrive: events
    /// from different services (the invalidation service's announcement, the warmer's report) race each other.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> EachAsync(IReadOnlyDictionary<string, Func<JsonElement, bool>> expected, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (found.Count < expected.Count)
        {
            var (eventName, data) = await ReadEventAsync(deadline.Token);
            if (!found.ContainsKey(eventName) && expected.TryGetValue(eventName, out var matches) && matches(data))
            {
                found[eventName] = data;
            }
        }

        return found;
    }

    private async Task<(string Name, JsonElement Data)> ReadEventAsync(CancellationToken cancellationToken)
    {
        string? eventName = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName is not null)
            {
                return (eventName, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
