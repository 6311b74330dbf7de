using System.Text.Json;
using System.Text.Json.Serialization;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.Data.Widgets;

/// <summary>The camelCase JSON of widget definitions and results (docs/design.md §4).</summary>
public static class WidgetJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static WidgetDefinition Deserialize(ReadOnlySpan<byte> utf8Json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<WidgetDefinition>(utf8Json, Options)
                ?? throw new WidgetDefinitionException(source, ["the document is null"]);
        }
        catch (JsonException exception)
        {
            throw new WidgetDefinitionException(source, [$"invalid JSON at {exception.Path ?? "$"}: {exception.Message}"]);
        }
    }

    public static byte[] Serialize(WidgetDefinition definition) => JsonSerializer.SerializeToUtf8Bytes(definition, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        // Before the general enum converter, which would otherwise win over the layer's own and accept "source, transformed".
        options.Converters.Add(new DatasetLayerJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new FilterValuesJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
