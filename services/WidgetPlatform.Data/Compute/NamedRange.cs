namespace WidgetPlatform.Data.Compute;

/// <summary>
/// The date ranges dashboards offer by name, resolved against a day (UTC today, when warming): what the warmer computes for
/// a widget's <c>warmRanges</c> and an operator's warm request, so that the views users pick are warm, not only the default.
/// Both ends inclusive, as <c>from</c>/<c>to</c> are.
/// </summary>
public static class NamedRange
{
    public static readonly IReadOnlyList<string> Names =
        ["today", "yesterday", "last_7_days", "last_30_days", "last_90_days", "this_month", "last_month", "this_year"];

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);

    /// <summary>Why <paramref name="name"/> is refused, the same words wherever a range is named: the names there are.</summary>
    public static string NotKnown(string? name) => $"'{name}' is not a named range: {string.Join(", ", Names)}.";

    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static (DateOnly From, DateOnly To) Resolve(string name, DateOnly today)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return name switch
        {
            "today" => (today, today),
            "yesterday" => (today.AddDays(-1), today.AddDays(-1)),
            "last_7_days" => (today.AddDays(-6), today),
            "last_30_days" => (today.AddDays(-29), today),
            "last_90_days" => (today.AddDays(-89), today),
            "this_month" => (firstOfMonth, today),
            "last_month" => (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
            "this_year" => (new DateOnly(today.Year, 1, 1), today),
            _ => throw new ArgumentException(NotKnown(name), nameof(name)),
        };
    }

    /// <summary>The query of <paramref name="filters"/> over the named range.</summary>
    public static WidgetQuery Query(string name, DateOnly today, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null)
    {
        var (from, to) = Resolve(name, today);
        return new WidgetQuery { From = from, To = to, Filters = filters ?? WidgetQuery.Unfiltered.Filters };
    }
}
