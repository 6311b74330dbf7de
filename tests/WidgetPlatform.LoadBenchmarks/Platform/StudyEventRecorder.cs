using System.Diagnostics;
using System.Text.Json;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>
/// Reads a study's event stream in the background and stamps each event as it arrives, so that waiting for one (by
/// polling) never delays the time recorded for it.
/// </summary>
internal sealed class StudyEventRecorder : IAsyncDisposable
{
    private readonly List<StudyEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private Task _reading = Task.CompletedTask;

    private StudyEventRecorder(HttpClient client) => _client = client;

    public static async Task<StudyEventRecorder> OpenAsync(HttpClient client, string studyId)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        var recorder = new StudyEventRecorder(client);
        var response = await client.GetAsync(new Uri($"/api/studies/{studyId}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        recorder._reading = recorder.ReadAsync(response);
        await recorder.WaitForAsync("connected", _ => true, TimeSpan.FromSeconds(10));
        return recorder;
    }

    /// <summary>The first recorded event of that name whose data matches; null when none came within the timeout.</summary>
    public async Task<StudyEvent?> WaitForAsync(string name, Func<StudyEvent, bool> matches, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_events)
            {
                var found = _events.FirstOrDefault(e => e.Name == name && matches(e));
                if (found is not null)
                {
                    return found;
                }
            }

            if (Stopwatch.GetTimestamp() > deadline || _reading.IsCompleted)
            {
                return null;
            }

            await Task.Delay(5);
        }
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            string? name = null;
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        name = line["event: ".Length..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                    {
                        var arrived = Stopwatch.GetTimestamp();
                        var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                        lock (_events)
                        {
                            _events.Add(new StudyEvent(name, data, arrived));
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _client.Dispose();
    }
}
