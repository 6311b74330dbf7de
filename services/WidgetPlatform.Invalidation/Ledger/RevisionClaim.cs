namespace WidgetPlatform.Invalidation.Ledger;

/// <summary>The outcome of claiming a widget revision: whether this handling claimed it, and the revisions as they stand.</summary>
public sealed record RevisionClaim(bool Claimed, int NewestClaimed, int NewestAnnounced)
{
    /// <summary>
    /// Whether this handling announces <paramref name="revision"/>: the claimer does; a copy that lost the claim does not,
    /// its twin is announcing; only a redelivery of the newest claimed revision that was never announced finishes the
    /// work of a handler that claimed and then died before its publish.
    /// </summary>
    public bool ShouldAnnounce(int revision, bool redelivered) =>
        Claimed || (redelivered && NewestClaimed == revision && NewestAnnounced < revision);
}
