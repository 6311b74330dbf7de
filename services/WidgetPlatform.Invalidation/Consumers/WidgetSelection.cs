using WidgetPlatform.Data;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>Which widgets a manual invalidation covers.</summary>
public static class WidgetSelection
{
    /// <summary>
    /// The named widgets (whether or not a definition exists: a deleted widget's leftovers go too) and the widgets carrying
    /// any of the tags (compared by the tag rule: whole, ignoring case); every widget of the study when neither is given.
    /// Sorted, without repeats.
    /// </summary>
    public static IReadOnlyList<string> Select(IEnumerable<WidgetDefinition> widgets, IReadOnlyCollection<string> named, IReadOnlyCollection<string> tags)
    {
        var all = named.Count == 0 && tags.Count == 0;
        var wanted = tags.ToHashSet(Tag.Comparer);
        return
        [
            .. widgets
                .Where(widget => all || widget.Tags?.Any(wanted.Contains) == true)
                .Select(widget => widget.WidgetId)
                .Concat(named)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }
}
