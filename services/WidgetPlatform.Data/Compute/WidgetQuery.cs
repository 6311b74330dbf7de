namespace WidgetPlatform.Data.Compute;

/// <summary>A widget request: inclusive dates on the widget's time column and IN filters (column → values), ANDed with the widget's own.</summary>
public sealed record WidgetQuery
{
    public static WidgetQuery Unfiltered { get; } = new();

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
