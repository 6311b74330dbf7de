using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace WidgetPlatform.Caching.Entries;

/// <summary>
/// The optional in-process layer (L1), bounded by bytes. A new data version or revision changes the key, so those need no
/// eviction; an invalidation that keeps keys (manual, tags) drops the widget's copies here through its change token, on
/// every replica, because the CacheInvalidated fan-out reaches them all.
/// </summary>
public sealed class LocalEntries : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly ConcurrentDictionary<(string StudyId, string WidgetId), CancellationTokenSource> _widgetTokens = new();

    public LocalEntries(WidgetCacheOptions options)
    {
        if (options.MemoryCacheBytes > 0)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MemoryCacheBytes });
        }
    }

    public CacheEntry? Get(string key) => _cache?.Get<CacheEntry>(key);

    public void Set(string studyId, string widgetId, CacheEntry entry)
    {
        if (_cache is null)
        {
            return;
        }

        var token = _widgetTokens.GetOrAdd((studyId, widgetId), _ => new CancellationTokenSource()).Token;
        using var cacheEntry = _cache.CreateEntry(entry.Metadata.Key);
        cacheEntry.Value = entry;
        cacheEntry.Size = entry.Stored.Length;
        cacheEntry.AbsoluteExpiration = entry.Metadata.ExpiresAt;
        cacheEntry.ExpirationTokens.Add(new CancellationChangeToken(token));
    }

    /// <summary>Drops every copy of the widget (all versions and filters).</summary>
    public void Drop(string studyId, string widgetId)
    {
        if (_widgetTokens.TryRemove((studyId, widgetId), out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }

    /// <summary>Drops every copy of every widget of the study.</summary>
    public void DropStudy(string studyId)
    {
        foreach (var (study, widget) in _widgetTokens.Keys.Where(pair => pair.StudyId == studyId).ToList())
        {
            Drop(study, widget);
        }
    }

    public void Dispose()
    {
        _cache?.Dispose();
        foreach (var source in _widgetTokens.Values)
        {
            source.Dispose();
        }
    }
}
