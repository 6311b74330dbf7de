namespace WidgetPlatform.Invalidation.Manifests;

/// <summary>A dataset whose version moved forward, and the version it had before (null when it had none).</summary>
public sealed record ManifestAdvance(string Dataset, string? PreviousVersion);
