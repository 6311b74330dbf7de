using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WidgetPlatform.Contracts;

/// <summary>
/// A <see cref="DatasetLayer"/> in JSON: written "source" / "transformed", read through <see cref="DatasetLayers.TryParse"/>.
/// A general string-enum converter would also accept 0, 1 and "source, transformed" (as flags) — a wrong layer taken
/// silently; this one refuses them with the reason.
/// </summary>
public sealed class DatasetLayerJsonConverter : JsonConverter<DatasetLayer>
{
    public override DatasetLayer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A number or a literal is shown as written, so the refusal says what was sent.
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
        return DatasetLayers.TryParse(name, out var layer) ? layer : throw new JsonException(DatasetLayers.NotALayer(name));
    }

    public override void Write(Utf8JsonWriter writer, DatasetLayer value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DatasetLayers.Name(value));
}
