using System.Text;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Partials depend on the dataset version, the measure, the dimension, the time column and the filters; never on the range.
/// The key names the version by study, layer, dataset and version, not by folder, so it is the same in every process.
/// </summary>
internal static class PartialsKey
{
    /// <summary>The key of the partials of <paramref name="shape"/> (<see cref="Shape"/>) over this snapshot's version.</summary>
    public static string For(string shape, DatasetSnapshot snapshot) => $"{shape}|{snapshot.Version}";

    /// <summary>The same without the version: what the partials of every version of the dataset have in common.</summary>
    public static string Shape(DatasetSnapshot snapshot, WidgetDefinition definition, WidgetQuery query)
    {
        var key = new StringBuilder()
            .Append(snapshot.StudyId).Append('|').Append(snapshot.Layer).Append('|').Append(snapshot.Dataset)
            .Append('|').Append(definition.Measure.Op).Append(':').Append(definition.Measure.Column)
            .Append('|').Append(definition.Dimension)
            .Append('|').Append(definition.TimeColumn);
        foreach (var (column, values) in ScanPlan.MergedFilters(definition, query).OrderBy(filter => filter.Key, StringComparer.Ordinal))
        {
            key.Append('|').Append(column).Append('=').AppendJoin('\u001f', values.Order(StringComparer.Ordinal));
        }

        return key.ToString();
    }
}
