using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;

namespace WidgetPlatform.Query.Apis;

/// <summary>Widget definitions (docs/design.md §4): read by viewers, written by admins; a write publishes WidgetConfigurationChanged.</summary>
public static class WidgetsApi
{
    public static RouteGroupBuilder MapWidgetsApi(this RouteGroupBuilder study)
    {
        study.MapGet("widgets", ListWidgets).WithName("ListWidgets").WithSummary("The study's widget definitions, ordered by widgetId")
            .Produces<WidgetDefinition[]>();
        study.MapGet("widgets/{widgetId}", GetWidget).WithName("GetWidget").WithSummary("One widget definition")
            .Produces<WidgetDefinition>();
        return study;
    }

    public static RouteGroupBuilder MapWidgetAdministrationApi(this RouteGroupBuilder study)
    {
        study.MapPut("widgets/{widgetId}", PutWidget).WithName("PutWidget")
            .WithSummary("Creates or replaces a widget definition; the server assigns its revision")
            .WithDescription("The body is a widget definition (docs/design.md §4) as JSON; its widgetId must be the route's.")
            .Accepts<WidgetDefinition>("application/json")
            .Produces<WidgetDefinition>()
            .ProducesValidationProblem();
        study.MapDelete("widgets/{widgetId}", DeleteWidget).WithName("DeleteWidget").WithSummary("Deletes a widget definition");
        return study;
    }

    private static async Task<IResult> ListWidgets(string studyId, WidgetCatalog catalog) =>
        TypedResults.Json((await catalog.ListAsync(studyId)).OrderBy(widget => widget.WidgetId, StringComparer.Ordinal), WidgetJson.Options);

    private static async Task<Results<JsonHttpResult<WidgetDefinition>, NotFoundProblem>> GetWidget(
        string studyId, string widgetId, WidgetCatalog catalog) =>
        await catalog.FindAsync(studyId, widgetId) is { } widget
            ? TypedResults.Json(widget, WidgetJson.Options)
            : NotFoundProblem.Widget(studyId, widgetId);

    private static async Task<IResult> PutWidget(
        string studyId, string widgetId, HttpRequest request, DataStore store, WidgetCatalog catalog, IPublishEndpoint publish, TimeProvider time)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        var definition = WidgetJson.Deserialize(body.ToArray(), "the request body");
        if (definition.WidgetId != widgetId)
        {
            throw RequestValidationException.For("widgetId", $"The body's widgetId '{definition.WidgetId}' differs from the route's '{widgetId}'.");
        }

        var stored = store.WriteWidget(studyId, definition);
        catalog.Forget(studyId);
        await publish.Publish(new WidgetConfigurationChanged
        {
            StudyId = studyId, WidgetId = widgetId, Revision = stored.Revision, ChangedAt = time.GetUtcNow(),
        });
        return TypedResults.Json(stored, WidgetJson.Options);
    }

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteWidget(
        string studyId, string widgetId, DataStore store, WidgetCatalog catalog, IPublishEndpoint publish, TimeProvider time)
    {
        var deletion = store.DeleteWidget(studyId, widgetId);
        if (deletion is null)
        {
            return NotFoundProblem.Widget(studyId, widgetId);
        }

        catalog.Forget(studyId);

        // The deletion counts as one more change: the invalidation drops what the widget had cached.
        await publish.Publish(new WidgetConfigurationChanged
        {
            StudyId = studyId, WidgetId = widgetId, Revision = deletion.Value, ChangedAt = time.GetUtcNow(),
        });
        return TypedResults.NoContent();
    }
}
