using WidgetPlatform.FaultSuite.History;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// The continuous read load every scenario runs under: readers spread over the gateway replicas, each reading views at
/// random at a steady pace until stopped, each keeping its own history.
/// </summary>
public sealed class ReadLoad
{
    private readonly List<ReadRecord>[] _history;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _readers;

    private readonly bool _throughBalancer;

    private ReadLoad(FaultPlatform platform, IReadOnlyList<(string Widget, string Path)> views, int readers, int readsPerSecond, bool throughBalancer)
    {
        _throughBalancer = throughBalancer;
        _history = [.. Enumerable.Range(0, readers).Select(_ => new List<ReadRecord>())];
        // Paced, not as fast as it goes: a machine saturated by its own readers measures its saturation, not the fault.
        var intervalMs = 1_000.0 * readers / readsPerSecond;
        _readers = [.. Enumerable.Range(0, readers).Select(reader => Task.Run(() => ReadUntilStoppedAsync(platform, reader, views, intervalMs)))];
    }

    /// <summary>Reads so far, all readers together (a count read while they add: a moment's figure).</summary>
    public long Count => _history.Sum(list => (long)list.Count);

    /// <param name="throughBalancer">Every reader reads through the load balancer (scale-out profile), not a replica of its own.</param>
    public static ReadLoad Start(
        FaultPlatform platform, IReadOnlyList<(string Widget, string Path)> views, int readers, int readsPerSecond, bool throughBalancer = false) =>
        new(platform, views, readers, readsPerSecond, throughBalancer);

    /// <summary>The gateway replica a reader reads from: readers are spread evenly over them.</summary>
    public static int ReplicaOf(int reader) => reader % FaultPlatform.GatewayReplicas;

    /// <summary>Stops the readers and returns every read of them all.</summary>
    public async Task<List<ReadRecord>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers);
        _stop.Dispose();
        return [.. _history.SelectMany(list => list)];
    }

    private async Task ReadUntilStoppedAsync(FaultPlatform platform, int reader, IReadOnlyList<(string Widget, string Path)> views, double intervalMs)
    {
        var mine = _history[reader];
        var replica = ReplicaOf(reader);
        var client = _throughBalancer ? platform.Balanced(platform.Viewer) : platform.Gateway(replica, platform.Viewer);
        var random = new Random(reader);
        var next = SuiteClock.NowMs;
        while (!_stop.IsCancellationRequested)
        {
            var (widget, path) = views[random.Next(views.Count)];
            try
            {
                next += intervalMs;
                var read = await WidgetReads.ReadAsync(client, reader, widget, path, _stop.Token);
                lock (mine)
                {
                    mine.Add(read);
                }

                if (read.Status == 0 && !_throughBalancer)
                {
                    // Its replica is down: a restarted one may listen elsewhere, so the address is looked up again.
                    client.Dispose();
                    client = await ReconnectAsync(platform, replica, _stop.Token);
                }

                if (next - SuiteClock.NowMs is var wait and > 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), _stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                client.Dispose();
                return;
            }
        }

        client.Dispose();
    }

    private static async Task<HttpClient> ReconnectAsync(FaultPlatform platform, int replica, CancellationToken stop)
    {
        while (true)
        {
            await Task.Delay(100, stop);
            try
            {
                return platform.Gateway(replica, platform.Viewer);
            }
            catch (InvalidOperationException)
            {
                // Not listening yet.
            }
        }
    }
}
