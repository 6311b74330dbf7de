using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Query.OpenApi;

/// <summary>
/// Says in the document what the JSON converters write, which the schema generator cannot see: a measure is a number or
/// null, a bucket key any scalar, a layer one of its two names, numbers are numbers (they are never written as strings,
/// though the gateway reads them from strings too), and <c>data</c> is one of the four widget results (docs/design.md §4),
/// told apart by their properties, not by a discriminator.
/// </summary>
internal sealed class WidgetResultSchemas : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private static readonly Type[] Results = [typeof(MetricResult), typeof(BreakdownResult), typeof(TimeseriesResult), typeof(TableResult)];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var underlying = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
        var type = underlying ?? context.JsonTypeInfo.Type;
        if (type == typeof(AggregateValue))
        {
            Replace(schema, JsonSchemaType.Number | JsonSchemaType.Null, "A measure: an exact integer, a real number, or null.");
        }
        else if (type == typeof(DatasetLayer))
        {
            Replace(schema, underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null, "The dataset's layer.");
            schema.Enum = DatasetLayers.All.Select(layer => (JsonNode)JsonValue.Create(DatasetLayers.Name(layer))).ToList();
        }
        else if (context.JsonPropertyInfo is { } property && property.DeclaringType == typeof(ResultBucket) && property.Name == "key")
        {
            Replace(schema, JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Boolean | JsonSchemaType.Null,
                "The group's value as the dimension's type (text, number, boolean or a YYYY-MM-DD date); null for rows without one.");
        }
        else if (schema.Type is { } written && (written & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0 && schema.Pattern is not null)
        {
            schema.Type = written & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var choices = new List<IOpenApiSchema>(Results.Length);
        foreach (var result in Results)
        {
            document.AddComponent(result.Name, await context.GetOrCreateSchemaAsync(result, cancellationToken: cancellationToken));
            document.Components!.Schemas!.Remove(nameof(WidgetResult) + result.Name);
            choices.Add(new OpenApiSchemaReference(result.Name, document));
        }

        document.Components!.Schemas![nameof(WidgetResult)] = new OpenApiSchema
        {
            Description = "The widget's result, by its type: metric, breakdown, timeseries or table.",
            AnyOf = choices,
        };
    }

    private static void Replace(OpenApiSchema schema, JsonSchemaType type, string description)
    {
        schema.Type = type;
        schema.Description = description;
        schema.Properties?.Clear();
        schema.Required?.Clear();
    }
}
