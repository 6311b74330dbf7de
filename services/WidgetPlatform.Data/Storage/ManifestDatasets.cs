using System.Text.Json.Serialization;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.Data.Storage;

public sealed record ManifestDatasets
{
    [JsonPropertyName(DatasetLayers.SourceName)]
    public IReadOnlyDictionary<string, string> Source { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName(DatasetLayers.TransformedName)]
    public IReadOnlyDictionary<string, string> Transformed { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> For(DatasetLayer layer) => layer == DatasetLayer.Source ? Source : Transformed;
}
