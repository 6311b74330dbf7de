using System.Diagnostics.CodeAnalysis;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;

namespace WidgetPlatform.Caching;

/// <summary>Whether a stored entry answers a request, and whether it is due for refresh-ahead (G5).</summary>
public sealed class EntryFreshness(WidgetCacheOptions options, TimeProvider time)
{
    /// <summary>The entry was computed for exactly this request: same filters, same data version.</summary>
    public static bool Matches(WidgetRequest request, [NotNullWhen(true)] CacheEntry? entry) =>
        entry is not null && entry.Answers(request.Filter) && entry.Metadata.DataVersion == request.DataVersion;

    /// <summary>An entry for exactly this request that needs no refresh yet.</summary>
    public bool IsFresh(WidgetRequest request, [NotNullWhen(true)] CacheEntry? entry) => Matches(request, entry) && !IsDueForRefresh(entry);

    /// <summary>Past <see cref="WidgetCacheOptions.RefreshAheadRatio"/> of its TTL.</summary>
    public bool IsDueForRefresh(CacheEntry entry) =>
        time.GetUtcNow() >= entry.Metadata.CalculatedAt.AddSeconds(entry.Metadata.TtlSeconds * options.RefreshAheadRatio);
}
