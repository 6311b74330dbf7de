using System.Collections.Concurrent;
using WidgetPlatform.Caching.Passes;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// The upload passes this process is running ahead of their announcement, so that the warm the announcement causes here
/// starts after them and finds their entries stored, instead of racing them for the same locks.
/// </summary>
public sealed class AheadPasses
{
    private readonly ConcurrentDictionary<PendingPass, Task> _running = new();

    /// <summary>Registers the passes before <paramref name="pass"/> starts, so that an announcement heard meanwhile waits for all of it.</summary>
    public async Task RunAsync(IReadOnlyCollection<PendingPass> passes, Func<Task> pass)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var version in passes)
        {
            _running[version] = done.Task;
        }

        try
        {
            await pass();
        }
        finally
        {
            done.SetResult();
            foreach (var version in passes)
            {
                _running.TryRemove(new KeyValuePair<PendingPass, Task>(version, done.Task));
            }
        }
    }

    /// <summary>Completes when no pass of <paramref name="passes"/> runs here any more, whatever its outcome.</summary>
    public async Task WhenDoneAsync(IEnumerable<PendingPass> passes)
    {
        foreach (var version in passes)
        {
            if (_running.TryGetValue(version, out var running))
            {
                await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
