using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching;

/// <summary>An answer and where it came from.</summary>
public readonly record struct CacheAnswer(CacheEntry Entry, CacheResult Result);
