using WidgetPlatform.Contracts;

namespace WidgetPlatform.Data.Widgets;

/// <summary><c>studies/{studyId}/widgets/{widgetId}.json</c>, camelCase as docs/design.md §4.</summary>
public sealed record WidgetDefinition
{
    public required string WidgetId { get; init; }

    public string? Title { get; init; }

    public required WidgetType Type { get; init; }

    public required string Dataset { get; init; }

    public DatasetLayer Layer { get; init; } = DatasetLayer.Source;

    public required WidgetMeasure Measure { get; init; }

    public string? Dimension { get; init; }

    public string? TimeColumn { get; init; }

    public TimeInterval? Interval { get; init; }

    public ComparisonMode? Comparison { get; init; }

    public int? Limit { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters { get; init; }

    public TtlClass TtlClass { get; init; } = TtlClass.Medium;

    public bool Priority { get; init; }

    /// <summary>
    /// Named ranges (<c>last_7_days</c>, <c>this_month</c>, …; <see cref="Compute.NamedRange"/>) the warmer keeps warm for
    /// this widget besides its default view: on each priority warm and after each invalidation. Needs a time column.
    /// </summary>
    public IReadOnlyList<string>? WarmRanges { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public int Revision { get; init; }
}
