using System.Collections.Concurrent;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Caching.Statistics.Traffic;

/// <summary>
/// Answers served from each entry (hits and stale answers) in this process since the last flush, for an admin inspecting
/// one entry. Bounded between flushes; a hit that races the flush that takes its key may go uncounted, which an
/// inspection's figure can afford.
/// </summary>
public sealed class EntryHits
{
    public const int MaxPending = 100_000;

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    // Counted apart: ConcurrentDictionary.Count takes every lock, which the first hit of each key after a drain would pay.
    private int _pendingCount;

    public void Record(WidgetCacheKey key)
    {
        if (!_pending.TryGetValue(key.Value, out var pending))
        {
            if (Volatile.Read(ref _pendingCount) >= MaxPending)
            {
                return;
            }

            var added = new Pending(key);
            pending = _pending.GetOrAdd(key.Value, added);
            if (ReferenceEquals(pending, added))
            {
                Interlocked.Increment(ref _pendingCount);
            }
        }

        Interlocked.Increment(ref pending.Hits);
    }

    /// <summary>Takes the counts recorded since the last call.</summary>
    public List<(WidgetCacheKey Key, long Hits)> Drain()
    {
        var drained = new List<(WidgetCacheKey, long)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var pending))
            {
                Interlocked.Decrement(ref _pendingCount);
                drained.Add((pending.Key, Interlocked.Read(ref pending.Hits)));
            }
        }

        return drained;
    }

    private sealed class Pending(WidgetCacheKey key)
    {
        public long Hits;

        public WidgetCacheKey Key { get; } = key;
    }
}
