using System.Text.Json.Serialization;

namespace WidgetPlatform.Contracts;

/// <summary>
/// The two layers of a study's data (docs/design.md §3): what pipelines upload, and what transformations derive from it. One type
/// for messages, manifests, widget definitions and folders; its spelling is <see cref="DatasetLayers"/>'s alone.
/// </summary>
/// <remarks>
/// Lives in Contracts because <see cref="CacheInvalidated.Layer"/> carries it and Contracts references nothing; the data
/// library uses it from here. The converter on the type keeps the wire format "source" / "transformed" whatever the
/// serializer's options (MassTransit's would write a plain enum as a number).
/// </remarks>
[JsonConverter(typeof(DatasetLayerJsonConverter))]
public enum DatasetLayer
{
    Source,
    Transformed,
}
