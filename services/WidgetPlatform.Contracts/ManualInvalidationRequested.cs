namespace WidgetPlatform.Contracts;

/// <summary>
/// An admin asked to drop cached answers (<c>POST /api/cache/invalidations</c>): the named widgets, the widgets carrying any
/// of the tags, or — when neither is given — every widget of the study.
/// </summary>
public sealed record ManualInvalidationRequested
{
    public required string StudyId { get; init; }

    public IReadOnlyList<string>? WidgetIds { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
