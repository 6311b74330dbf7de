using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Storage;

public sealed record ManifestVersionPair
{
    [JsonPropertyName("source_data")]
    public string? SourceData { get; init; }

    [JsonPropertyName("transformed_data")]
    public string? TransformedData { get; init; }
}
