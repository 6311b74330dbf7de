using System.Collections.Concurrent;

namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// How long an invalidation has waited for the warmer: every gateway replica hears each CacheInvalidated and each
/// StudyCacheWarmed, and times them by its own clock (not the senders'), so skew between machines does not count. A warm
/// heard after an invalidation settles the study; a warmer that is down or stuck lets the wait grow.
/// </summary>
public sealed class WarmerLag(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _waitingSince = new(StringComparer.Ordinal);

    public void Invalidated(string studyId) => _waitingSince.TryAdd(studyId, time.GetUtcNow());

    public void Warmed(string studyId) => _waitingSince.TryRemove(studyId, out _);

    /// <summary>The longest any study has waited, or zero.</summary>
    public TimeSpan Longest()
    {
        var now = time.GetUtcNow();
        return _waitingSince.Values.Select(since => now - since).DefaultIfEmpty(TimeSpan.Zero).Max();
    }
}
