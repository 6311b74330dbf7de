using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Invalidation.Datasets;

/// <summary>Datasets of one layer that moved to <paramref name="CurrentVersion"/>, and the widgets that read them.</summary>
/// <param name="PreviousVersion">The version they had before; when they differed, the oldest (null when any is new).</param>
public sealed record DatasetChange(
    string StudyId,
    DatasetLayer Layer,
    IReadOnlyList<string> Datasets,
    string? PreviousVersion,
    string CurrentVersion,
    IReadOnlyList<WidgetDefinition> Widgets);
