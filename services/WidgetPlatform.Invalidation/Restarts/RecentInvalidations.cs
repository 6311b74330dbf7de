using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WidgetPlatform.Invalidation.Restarts;

/// <summary>
/// The widgets this process invalidated within <see cref="InvalidationOptions.RedisRestartReplayWindow"/>: what a Redis
/// restored from an older snapshot may hold again, and <see cref="RedisRestartRecovery"/> invalidates once more.
/// </summary>
public sealed class RecentInvalidations(IOptions<InvalidationOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string StudyId, string WidgetId), DateTimeOffset> _widgets = new();

    public void Record(string studyId, string widgetId)
    {
        _widgets[(studyId, widgetId)] = time.GetUtcNow();
        Forget();
    }

    /// <summary>The widgets invalidated within the window, by study.</summary>
    public IReadOnlyDictionary<string, string[]> ByStudy()
    {
        Forget();
        return _widgets.Keys
            .GroupBy(widget => widget.StudyId, StringComparer.Ordinal)
            .ToDictionary(study => study.Key, study => study.Select(widget => widget.WidgetId).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private void Forget()
    {
        var before = time.GetUtcNow() - options.Value.RedisRestartReplayWindow;
        foreach (var (widget, at) in _widgets)
        {
            if (at < before)
            {
                _widgets.TryRemove(KeyValuePair.Create(widget, at));
            }
        }
    }
}
