using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Storage;

public sealed record ManifestDatasets
{
    [JsonPropertyName("source")]
    public IReadOnlyDictionary<string, string> Source { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("transformed")]
    public IReadOnlyDictionary<string, string> Transformed { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> For(DatasetLayer layer) => layer == DatasetLayer.Source ? Source : Transformed;
}
