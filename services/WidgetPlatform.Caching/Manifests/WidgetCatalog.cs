using System.Collections.Concurrent;
using System.Collections.Frozen;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching.Manifests;

/// <summary>
/// Widget definitions held in memory per study, so the hit path reads no file. A study is re-read when an invalidation
/// names it (a widget changed) and on the periodic refresh.
/// </summary>
public sealed class WidgetCatalog(DataStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<FrozenDictionary<string, WidgetDefinition>>>> _studies = new(StringComparer.Ordinal);

    public async ValueTask<WidgetDefinition?> FindAsync(string studyId, string widgetId) =>
        (await StudyAsync(studyId)).GetValueOrDefault(widgetId);

    public async ValueTask<IReadOnlyCollection<WidgetDefinition>> ListAsync(string studyId) => (await StudyAsync(studyId)).Values;

    /// <summary>Forgets the study's definitions; the next request reads them again.</summary>
    public void Forget(string studyId) => _studies.TryRemove(studyId, out _);

    private Task<FrozenDictionary<string, WidgetDefinition>> StudyAsync(string studyId)
    {
        var load = _studies.GetOrAdd(studyId, id => new Lazy<Task<FrozenDictionary<string, WidgetDefinition>>>(() => ReadAsync(id)));
        var task = load.Value;
        if (task.IsFaulted)
        {
            // A failed read (a definition mid-write, say) must not stick: the next request tries again.
            _studies.TryRemove(new KeyValuePair<string, Lazy<Task<FrozenDictionary<string, WidgetDefinition>>>>(studyId, load));
        }

        return task;
    }

    private async Task<FrozenDictionary<string, WidgetDefinition>> ReadAsync(string studyId) =>
        (await store.ListWidgetsAsync(studyId)).ToFrozenDictionary(widget => widget.WidgetId, StringComparer.Ordinal);
}
