using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WidgetPlatform.Query.Requests;

namespace WidgetPlatform.Query.OpenApi;

/// <summary>
/// The data endpoint reads its query string itself (any unknown parameter is a 400), so the generator sees none of it:
/// the fixed parameters are declared here. Filters (<c>f.{column}</c>, repeatable) have open names, which OpenAPI cannot
/// declare; the operation's description names them.
/// </summary>
internal static class WidgetQueryParameters
{
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(Query("from", "First day of the range, inclusive, on the widget's time column (YYYY-MM-DD).", "date"));
        operation.Parameters.Add(Query("to", "Last day of the range, inclusive (YYYY-MM-DD).", "date"));
        operation.Parameters.Add(Query(WidgetQueryParser.DataVersionParameter, "The data version wanted (metadata.dataVersion, the manifest or a version-changed event): " +
            "its answer is immutable; a version that is not current is answered 307 to the current one.", null));
        return Task.CompletedTask;
    }

    private static OpenApiParameter Query(string name, string description, string? format) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = format },
    };
}
