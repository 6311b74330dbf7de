using WidgetPlatform.Contracts;

namespace WidgetPlatform.Invalidation.Cleanup;

/// <summary>Where the cleanup is in one widget's index: the widget's dataset decides which versions are superseded.</summary>
internal sealed record IndexWalk(string StudyId, string WidgetId, DatasetLayer Layer, string Dataset, long Cursor = 0);
