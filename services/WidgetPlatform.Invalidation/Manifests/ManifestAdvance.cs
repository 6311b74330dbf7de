namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>
/// One dataset's compare-and-set in the manifest mirror: whether it moved forward, and the version the mirror held before
/// (null when none) — which, when it did not move, is the current version, the same as the one asked for or newer.
/// </summary>
public sealed record ManifestAdvance(string Dataset, bool Advanced, string? Before)
{
    /// <summary>The mirror's version of the dataset after the compare-and-set.</summary>
    public string? CurrentAfter(string version) => Advanced ? version : Before;
}
