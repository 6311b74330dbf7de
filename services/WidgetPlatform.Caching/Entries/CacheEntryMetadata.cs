namespace WidgetPlatform.Caching.Entries;

/// <summary>What a cached answer carries besides its data (docs/design.md §5), as the seed's cache entry.</summary>
public sealed record CacheEntryMetadata
{
    public required string Key { get; init; }

    public required DateTimeOffset CalculatedAt { get; init; }

    public required string DataVersion { get; init; }

    /// <summary>How long the computation took, in milliseconds.</summary>
    public required double QueryTime { get; init; }

    public required long RowsProcessed { get; init; }

    /// <summary>The canonical filter the key's hash was made from: checked on read, so a collision can never answer.</summary>
    public required string Filter { get; init; }

    public required int TtlSeconds { get; init; }

    /// <summary>Where in the body the <c>metadata.cache</c> value starts, so other results are spliced in without parsing.</summary>
    public required int CacheValueOffset { get; init; }

    public DateTimeOffset ExpiresAt => CalculatedAt.AddSeconds(TtlSeconds);
}
