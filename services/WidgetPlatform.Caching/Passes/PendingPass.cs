using WidgetPlatform.Contracts;

namespace WidgetPlatform.Caching.Passes;

/// <summary>A dataset version whose pass the invalidation service marked pending when the version arrived.</summary>
public sealed record PendingPass(string StudyId, DatasetLayer Layer, string Dataset, string Version);
