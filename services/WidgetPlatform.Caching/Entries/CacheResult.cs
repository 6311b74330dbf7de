namespace WidgetPlatform.Caching.Entries;

/// <summary>Where an answer came from, as the response's <c>metadata.cache</c> says (docs/design.md §6).</summary>
public enum CacheResult
{
    /// <summary>From the in-process layer or Redis.</summary>
    Hit,

    /// <summary>Computed for this request (or by a concurrent one it waited for) and stored.</summary>
    Miss,

    /// <summary>From the cache, past its refresh threshold: a background recomputation is replacing it.</summary>
    Stale,

    /// <summary>Computed without the cache, because Redis is down, slow, or the entry is too large to store.</summary>
    Bypass,
}
