using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Tracking;

namespace WidgetPlatform.Query.Tracking;

/// <summary>
/// Remembers what users request, in memory, keyed by the cache key so a repeated request costs one dictionary lookup and no
/// allocation; <see cref="ActiveCombinationsFlusher"/> moves it to Redis every second. Bounded per study between flushes.
/// </summary>
public sealed class ActiveCombinations(IOptions<ActiveTrackingOptions> options, TimeProvider time)
{
    private readonly int _maxPendingPerStudy = options.Value.MaxPendingPerStudy;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Pending>> _studies = new(StringComparer.Ordinal);

    public void Record(WidgetRequest request)
    {
        var pending = _studies.GetOrAdd(request.StudyId, _ => new ConcurrentDictionary<string, Pending>(StringComparer.Ordinal));
        if (pending.TryGetValue(request.Key.Value, out var seen))
        {
            seen.LastSeen = time.GetUtcNow().ToUnixTimeMilliseconds();
            return;
        }

        if (pending.Count < _maxPendingPerStudy)
        {
            pending.TryAdd(request.Key.Value, new Pending(ActiveCombination.Of(request).ToJson(), time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
    }

    /// <summary>Takes everything recorded since the last call: study → (combination JSON, last seen, Unix ms).</summary>
    /// <remarks>
    /// Entries are removed one by one, never the study's whole dictionary: a request holding that dictionary while it was
    /// swapped out would add its combination to a dictionary no one drains again, and the warmer would never hear of it.
    /// </remarks>
    public Dictionary<string, List<(string Combination, long LastSeen)>> Drain()
    {
        var drained = new Dictionary<string, List<(string, long)>>(StringComparer.Ordinal);
        foreach (var (studyId, pending) in _studies)
        {
            List<(string, long)>? taken = null;
            foreach (var key in pending.Keys)
            {
                if (pending.TryRemove(key, out var entry))
                {
                    (taken ??= []).Add((entry.Combination, entry.LastSeen));
                }
            }

            if (taken is not null)
            {
                drained[studyId] = taken;
            }
        }

        return drained;
    }

    private sealed class Pending(string combination, long lastSeen)
    {
        public string Combination { get; } = combination;

        public long LastSeen { get; set; } = lastSeen;
    }
}
