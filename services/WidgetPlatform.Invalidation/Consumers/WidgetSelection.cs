using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Invalidation.Consumers;

/// <summary>What a manual invalidation asks for: widgets by name, by tag and by the dataset they read.</summary>
public sealed record WidgetSelection(IReadOnlyCollection<string> Named, IReadOnlyCollection<string> Tags, DatasetLayer? Layer, IReadOnlyCollection<string> Datasets)
{
    public bool IsEmpty => Named.Count == 0 && Tags.Count == 0 && Datasets.Count == 0;

    /// <summary>
    /// The named widgets (whether or not a definition exists: a deleted widget's leftovers go too), the widgets carrying any
    /// of the tags (compared by the tag rule: whole, ignoring case) and the widgets reading any of the datasets of the
    /// layer; every widget of the study when <paramref name="everyWhenEmpty"/> and nothing is named. Sorted, without repeats.
    /// </summary>
    public IReadOnlyList<string> Select(IEnumerable<WidgetDefinition> widgets, bool everyWhenEmpty = true)
    {
        var all = IsEmpty && everyWhenEmpty;
        var wanted = Tags.ToHashSet(Tag.Comparer);
        var read = Datasets.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. widgets
                .Where(widget => all || widget.Tags?.Any(wanted.Contains) == true || (widget.Layer == Layer && read.Contains(widget.Dataset)))
                .Select(widget => widget.WidgetId)
                .Concat(Named)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }
}
