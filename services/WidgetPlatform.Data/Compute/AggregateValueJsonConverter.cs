using System.Text.Json;
using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Compute;

internal sealed class AggregateValueJsonConverter : JsonConverter<AggregateValue>
{
    public override bool HandleNull => true;

    public override AggregateValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => AggregateValue.Null,
            JsonTokenType.Number when reader.TryGetInt64(out var integer) => AggregateValue.FromInteger(integer),
            JsonTokenType.Number => AggregateValue.FromReal(reader.GetDouble()),
            _ => throw new JsonException("expected a number or null"),
        };

    public override void Write(Utf8JsonWriter writer, AggregateValue value, JsonSerializerOptions options)
    {
        if (!value.HasValue)
        {
            writer.WriteNullValue();
        }
        else if (value.IsInteger)
        {
            writer.WriteNumberValue(value.IntegerValue);
        }
        else
        {
            writer.WriteNumberValue(value.RealValue);
        }
    }
}
