namespace WidgetPlatform.Contracts;

/// <summary>The invalidation service changed what is current: gateways drop in-process copies, the warmer recomputes.</summary>
public sealed record CacheInvalidated
{
    public required string StudyId { get; init; }

    public required InvalidationScope Scope { get; init; }

    /// <summary>The layer of <see cref="Datasets"/>, when the change is a dataset's; "source" or "transformed" in JSON.</summary>
    public DatasetLayer? Layer { get; init; }

    public IReadOnlyList<string>? Datasets { get; init; }

    public IReadOnlyList<string>? WidgetIds { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public string? PreviousVersion { get; init; }

    public string? CurrentVersion { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset InvalidatedAt { get; init; }
}
