using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace WidgetPlatform.IntegrationTests.ScaleOut;

/// <summary>One read through the load balancer: when it started and ended, its status (0: no answer) and the data version it named.</summary>
public sealed record BalancedRead(TimeSpan StartedAt, TimeSpan EndedAt, int Status, string? DataVersion);

/// <summary>
/// Readers reading the demo study's widgets through the load balancer without pause until stopped, as a dashboard's
/// users would during a failover; every read is kept.
/// </summary>
public sealed class BalancedReads : IAsyncDisposable
{
    private static readonly string[] Widgets = ["ae-total", "ae-by-severity", "ae-daily", "ae-top-subjects"];

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<BalancedRead> _reads = [];
    private readonly Task[] _readers;

    private BalancedReads(Func<HttpClient> client, int readers) =>
        _readers = [.. Enumerable.Range(0, readers).Select(reader => Task.Run(() => ReadUntilStoppedAsync(client, reader)))];

    /// <summary>Time since the readers started, on the clock their reads are timed by.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public static BalancedReads Start(Func<HttpClient> client, int readers = 4) => new(client, readers);

    public async Task<IReadOnlyList<BalancedRead>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        lock (_reads)
        {
            return [.. _reads];
        }
    }

    private async Task ReadUntilStoppedAsync(Func<HttpClient> createClient, int reader)
    {
        using var client = createClient();
        var next = reader;
        while (!_stop.IsCancellationRequested)
        {
            var widget = Widgets[next++ % Widgets.Length];
            if (await ReadAsync(client, widget) is { } read)
            {
                lock (_reads)
                {
                    _reads.Add(read);
                }
            }
        }
    }

    /// <summary>One read; null when the readers were stopped during it (not a read of the platform).</summary>
    private async Task<BalancedRead?> ReadAsync(HttpClient client, string widget)
    {
        var started = _clock.Elapsed;
        try
        {
            using var response = await client.GetAsync(new Uri($"/api/studies/STUDY-001/widgets/{widget}/data", UriKind.Relative), _stop.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new BalancedRead(started, _clock.Elapsed, (int)response.StatusCode, null);
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(_stop.Token), cancellationToken: _stop.Token);
            return new BalancedRead(started, _clock.Elapsed, 200, body.RootElement.GetProperty("metadata").GetProperty("dataVersion").GetString());
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !_stop.IsCancellationRequested))
        {
            return new BalancedRead(started, _clock.Elapsed, 0, null);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
