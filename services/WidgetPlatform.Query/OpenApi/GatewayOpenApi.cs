namespace WidgetPlatform.Query.OpenApi;

public static class GatewayOpenApi
{
    /// <summary>The document at /openapi/v1.json, written at build time too for the TypeScript client (clients/typescript).</summary>
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<WidgetResultSchemas>();
            options.AddDocumentTransformer<WidgetResultSchemas>();
            options.AddDocumentTransformer<StudyEventSchemas>();
            options.AddDocumentTransformer<BearerSecurity>();
            options.AddOperationTransformer<BearerSecurity>();
        });
}
