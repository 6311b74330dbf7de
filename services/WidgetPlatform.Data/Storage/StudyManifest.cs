using System.Text.Json.Serialization;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.Data.Storage;

/// <summary><c>studies/{studyId}/manifest.json</c>, snake_case exactly as docs/design.md §3.</summary>
public sealed record StudyManifest
{
    [JsonPropertyName("study_id")]
    public required string StudyId { get; init; }

    [JsonPropertyName("current_version")]
    public ManifestVersionPair CurrentVersion { get; init; } = new();

    [JsonPropertyName("previous_version")]
    public ManifestVersionPair PreviousVersion { get; init; } = new();

    [JsonPropertyName("datasets")]
    public ManifestDatasets Datasets { get; init; } = new();

    /// <summary>The version of <paramref name="dataset"/> in <paramref name="layer"/>, or null when the manifest does not list it.</summary>
    public string? DatasetVersion(DatasetLayer layer, string dataset) =>
        Datasets.For(layer).TryGetValue(dataset, out var version) ? version : null;
}
