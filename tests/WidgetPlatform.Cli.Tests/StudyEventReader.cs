using System.Net.ServerSentEvents;
using System.Text.Json;

namespace WidgetPlatform.Cli.Tests;

/// <summary>A study's event stream read as a dashboard reads it, to see what a CLI command set off.</summary>
internal sealed class StudyEventReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private StudyEventReader(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    /// <summary>Opens the stream and returns once the gateway sent <c>connected</c>: the subscription is in place.</summary>
    public static async Task<StudyEventReader> OpenAsync(HttpClient gateway, string studyId)
    {
        var response = await gateway.GetAsync(new Uri($"api/studies/{studyId}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var reader = new StudyEventReader(response, await response.Content.ReadAsStreamAsync());
        await reader.NextAsync("connected", _ => true, TimeSpan.FromSeconds(10));
        return reader;
    }

    /// <summary>The next event of the type whose data satisfies <paramref name="match"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextAsync(string eventType, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var next = Task.Run(async () =>
        {
            while (await _events.MoveNextAsync())
            {
                if (_events.Current.EventType == eventType)
                {
                    var data = JsonDocument.Parse(_events.Current.Data).RootElement.Clone();
                    if (match(data))
                    {
                        return data;
                    }
                }
            }

            throw new InvalidOperationException($"The event stream ended before '{eventType}'.");
        });
        if (await Task.WhenAny(next, Task.Delay(timeout)) != next)
        {
            throw new TimeoutException($"No matching '{eventType}' event within {timeout.TotalSeconds:0} s.");
        }

        return await next;
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or NotSupportedException)
        {
            // The response is gone already.
        }
    }
}
