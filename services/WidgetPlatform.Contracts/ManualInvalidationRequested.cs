namespace WidgetPlatform.Contracts;

/// <summary>An operator asked (POST /api/cache/invalidations) to drop the named widgets, or the widgets carrying the tags.</summary>
public sealed record ManualInvalidationRequested
{
    public required string StudyId { get; init; }

    public IReadOnlyList<string>? WidgetIds { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
