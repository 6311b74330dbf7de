namespace WidgetPlatform.Caching.Entries;

/// <summary>
/// What the cache needs to know of an answer without reading its body: whether it answers the request, how fresh it is, and
/// where its <c>metadata.cache</c> value goes. The rest of the answer's metadata (query time, rows) is in the body only,
/// and the canonical filter it answers is <see cref="CacheEntry.Filter"/>.
/// </summary>
public sealed record CacheEntryMetadata
{
    public required string Key { get; init; }

    public required DateTimeOffset CalculatedAt { get; init; }

    public required string DataVersion { get; init; }

    public required int TtlSeconds { get; init; }

    /// <summary>Where in the body the <c>metadata.cache</c> value starts, so other results are spliced in without parsing.</summary>
    public required int CacheValueOffset { get; init; }

    public DateTimeOffset ExpiresAt => CalculatedAt.AddSeconds(TtlSeconds);
}
