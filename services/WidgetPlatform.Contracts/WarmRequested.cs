namespace WidgetPlatform.Contracts;

/// <summary>Asks the warmer to recompute a study's (or every study's) active and priority entries.</summary>
public sealed record WarmRequested
{
    public string? StudyId { get; init; }

    public IReadOnlyList<string>? WidgetIds { get; init; }

    /// <summary>Recompute even entries that are present and current.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Named ranges (<c>today</c>, <c>last_7_days</c>, <c>this_month</c>, …) to warm too, for the named widgets (every widget
    /// with a time column when none is named), over today as the warmer sees it.
    /// </summary>
    public IReadOnlyList<string>? Ranges { get; init; }

    /// <summary>Filters (column → values) of the ranged views; a widget without such a column is skipped with a warning.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters { get; init; }
}
