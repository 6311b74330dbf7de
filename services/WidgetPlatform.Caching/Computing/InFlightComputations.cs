using System.Collections.Concurrent;

namespace WidgetPlatform.Caching.Computing;

/// <summary>The in-process half of G4: concurrent requests for one key in this process share one task.</summary>
public sealed class InFlightComputations
{
    private readonly ConcurrentDictionary<string, Task<CacheAnswer>> _running = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="compute"/> unless a computation of the key is already running here; then joins it.</summary>
    public async Task<CacheAnswer> RunOnceAsync(string key, Func<Task<CacheAnswer>> compute)
    {
        var mine = new TaskCompletionSource<CacheAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _running.GetOrAdd(key, mine.Task);
        if (shared != mine.Task)
        {
            return await shared;
        }

        try
        {
            mine.SetResult(await compute());
        }
        catch (Exception exception)
        {
            mine.SetException(exception);
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Task<CacheAnswer>>(key, mine.Task));
        }

        return await mine.Task;
    }
}
