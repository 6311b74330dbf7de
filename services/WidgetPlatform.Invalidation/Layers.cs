using WidgetPlatform.Data;

namespace WidgetPlatform.Invalidation;

/// <summary>A layer as the manifest and CacheInvalidated.layer spell it.</summary>
internal static class Layers
{
    public static string Name(DatasetLayer layer) => layer == DatasetLayer.Source ? "source" : "transformed";
}
