namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// How long an invalidation has waited for the warmer. Every gateway replica hears each CacheInvalidated and each
/// StudyCacheWarmed; a warm settles a study's wait only if it finished at or after the invalidation it waits for (by the
/// senders' timestamps, so a warm of an earlier invalidation, or one heard before the invalidation a retry delayed, is told
/// apart), while the wait itself is timed by this gateway's clock from when it heard the invalidation. A warmer that is down
/// or stuck lets the wait grow.
/// </summary>
public sealed class WarmerLag(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Waiting> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastWarmed = new(StringComparer.Ordinal);

    public void Invalidated(string studyId, DateTimeOffset invalidatedAt)
    {
        lock (_gate)
        {
            if (_lastWarmed.TryGetValue(studyId, out var warmed) && warmed >= invalidatedAt)
            {
                return;
            }

            _waiting[studyId] = _waiting.TryGetValue(studyId, out var waiting)
                ? waiting with { Latest = invalidatedAt > waiting.Latest ? invalidatedAt : waiting.Latest }
                : new Waiting(time.GetUtcNow(), invalidatedAt);
        }
    }

    public void Warmed(string studyId, DateTimeOffset warmedAt)
    {
        lock (_gate)
        {
            _lastWarmed[studyId] = _lastWarmed.TryGetValue(studyId, out var earlier) && earlier > warmedAt ? earlier : warmedAt;
            if (_waiting.TryGetValue(studyId, out var waiting) && warmedAt >= waiting.Latest)
            {
                _waiting.Remove(studyId);
            }
        }
    }

    /// <summary>The longest any study has waited, or zero.</summary>
    public TimeSpan Longest()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _waiting.Values.Select(waiting => now - waiting.HeardAt).DefaultIfEmpty(TimeSpan.Zero).Max();
        }
    }

    /// <summary>Since when (this gateway's clock) a study waits, for an invalidation made at <see cref="Latest"/> (the sender's).</summary>
    private sealed record Waiting(DateTimeOffset HeardAt, DateTimeOffset Latest);
}
