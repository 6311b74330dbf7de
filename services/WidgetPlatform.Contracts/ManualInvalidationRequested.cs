namespace WidgetPlatform.Contracts;

/// <summary>
/// An admin asked to drop cached answers (<c>POST /api/cache/invalidations</c>, <c>DELETE /api/cache/studies/{studyId}/entries/{key}</c>):
/// the named widgets, the widgets carrying any of the tags, the widgets reading any of the datasets, and the named entries —
/// or, when none of them is given, every widget of the study.
/// </summary>
public sealed record ManualInvalidationRequested
{
    public required string StudyId { get; init; }

    public IReadOnlyList<string>? WidgetIds { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The layer of <see cref="Datasets"/>; required with them.</summary>
    public DatasetLayer? Layer { get; init; }

    /// <summary>Datasets whose widgets (those whose <c>dataset</c> and <c>layer</c> match) lose every stored answer.</summary>
    public IReadOnlyList<string>? Datasets { get; init; }

    /// <summary>Single entries of the study to delete, by key; the rest of their widgets' entries stay.</summary>
    public IReadOnlyList<string>? EntryKeys { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}
