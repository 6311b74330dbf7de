using System.Text.Json;
using System.Text.Json.Serialization;

namespace WidgetPlatform.Auth;

/// <summary>The development tokens the AppHost writes to <c>dev-tokens.json</c> in its state folder, one per role.</summary>
public sealed record DevTokens(
    [property: JsonPropertyName("viewer")] string Viewer,
    [property: JsonPropertyName("uploader")] string Uploader,
    [property: JsonPropertyName("admin")] string Admin)
{
    public const string FileName = "dev-tokens.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    public static DevTokens FromJson(string json) =>
        JsonSerializer.Deserialize<DevTokens>(json) ?? throw new InvalidDataException("The dev tokens file is empty.");
}
