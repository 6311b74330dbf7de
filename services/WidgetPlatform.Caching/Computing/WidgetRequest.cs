using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching.Computing;

/// <summary>One widget answer to find or compute: the definition and request, pinned to one data version (G3).</summary>
public sealed record WidgetRequest(string StudyId, WidgetDefinition Definition, WidgetQuery Query, string DataVersion, CanonicalFilter Filter)
{
    public WidgetCacheKey Key { get; } = Filter.KeyFor(StudyId, Definition.WidgetId, DataVersion);
}
