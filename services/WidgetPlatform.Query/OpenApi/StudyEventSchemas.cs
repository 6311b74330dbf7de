using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Events;

namespace WidgetPlatform.Query.OpenApi;

/// <summary>
/// The event stream's payloads, which OpenAPI cannot attach to a <c>text/event-stream</c> answer: named components so
/// that clients generated from the document type each event's data (docs/design.md §6, Events).
/// </summary>
internal sealed class StudyEventSchemas : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent(nameof(StudyEventConnected), await context.GetOrCreateSchemaAsync(typeof(StudyEventConnected), cancellationToken: cancellationToken));
        document.AddComponent(nameof(CacheInvalidated), await context.GetOrCreateSchemaAsync(typeof(CacheInvalidated), cancellationToken: cancellationToken));
        document.AddComponent(nameof(StudyCacheWarmed), await context.GetOrCreateSchemaAsync(typeof(StudyCacheWarmed), cancellationToken: cancellationToken));
    }
}
