using System.Text;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>Partials depend on the version folder, the measure, the dimension, the time column and the filters; never on the range.</summary>
internal static class PartialsKey
{
    public static string For(string versionDirectory, WidgetDefinition definition, WidgetQuery query)
    {
        var key = new StringBuilder(versionDirectory)
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
