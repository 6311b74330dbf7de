namespace WidgetPlatform.Cli.Warming;

/// <summary>
/// The views a forced warm asks the warmer for besides what it always covers: named ranges (<c>--range last_7_days</c>),
/// each with the filters given as <c>--filter column=value</c> (repeat a column for several values).
/// </summary>
public sealed record WarmViews(IReadOnlyList<string> Ranges, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters)
{
    /// <summary>The views, or the first thing wrong with them as a message.</summary>
    public static (WarmViews? Views, string? Error) Parse(IReadOnlyList<string> ranges, IReadOnlyList<string> filters)
    {
        var byColumn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var equals = filter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == filter.Length - 1)
            {
                return (null, $"--filter '{filter}' is not column=value.");
            }

            var column = filter[..equals];
            if (!byColumn.TryGetValue(column, out var values))
            {
                byColumn[column] = values = [];
            }

            values.Add(filter[(equals + 1)..]);
        }

        if (byColumn.Count > 0 && ranges.Count == 0)
        {
            return (null, "--filter applies to the ranged views: give --range too.");
        }

        return (new WarmViews(ranges, byColumn.Count == 0 ? null : byColumn.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal)), null);
    }
}
