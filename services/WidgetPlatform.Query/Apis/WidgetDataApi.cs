using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Query.OpenApi;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;

namespace WidgetPlatform.Query.Apis;

public static class WidgetDataApi
{
    public static RouteGroupBuilder MapWidgetDataApi(this RouteGroupBuilder study)
    {
        study.MapGet("widgets/{widgetId}/data", GetWidgetData)
            .WithName("GetWidgetData")
            .WithSummary("One widget's data, from the cache when possible")
            .WithDescription(
                "Filters: repeat f.{column}={value} for IN; from/to are inclusive dates on the widget's time column. " +
                "v={dataVersion} (from metadata.dataVersion, the manifest or a version-changed event) names the data version wanted: " +
                "such an answer never changes, and the browser may keep it (private, max-age=min(300 s, ttl class), immutable); " +
                "a v that is not the current version is answered 307 to the same URL with the current v. Without v the answer is " +
                "private, no-cache: the browser revalidates it every time with its ETag (304 while nothing changed).")
            .AddOpenApiOperationTransformer(WidgetQueryParameters.Describe)
            .Produces<WidgetDataResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status307TemporaryRedirect)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        study.MapPost("dashboard", GetDashboard)
            .WithName("GetDashboard")
            .WithSummary("Several widgets in one call: cached ones in one Redis round trip, the others computed in parallel")
            .Produces<WidgetDataResponse[]>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return study;
    }

    private static async Task<IResult> GetWidgetData(string studyId, string widgetId, HttpContext context, WidgetDataServices services)
    {
        var started = Stopwatch.GetTimestamp();
        var read = services.Queries.Read(context.Request);
        var wanted = read.WantedVersion;
        var request = await services.Requests.ResolveAsync(studyId, widgetId, read.Query, sharedQuery: true);
        if (wanted is not null && wanted != request.DataVersion)
        {
            // The client may have heard of a version before this replica did: look once more before redirecting.
            await services.Versions.RefreshAsync(studyId);
            request = await services.Requests.ResolveAsync(studyId, widgetId, read.Query, sharedQuery: true);
            if (wanted != request.DataVersion)
            {
                return CurrentVersionRedirect.For(context.Request, request.DataVersion);
            }
        }

        if (CacheSkip.Requested(context, read, services.Logger))
        {
            var fresh = await services.Cache.RecomputeAsync(request);
            services.Counters.RecordAnswer(request.Key, fresh.Result, Stopwatch.GetElapsedTime(started));
            return new WidgetDataResult(fresh, EntityTags.For(request.Key), "no-store");
        }

        services.Active.Record(request);
        var entityTag = EntityTags.For(request.Key);
        var cacheControl = services.BrowserCaching.CacheControl(request.Definition.TtlClass, versioned: wanted is not null);
        if (EntityTags.Matches(context.Request, entityTag))
        {
            services.Counters.RecordAnswer(request.Key, CacheResult.Hit, Stopwatch.GetElapsedTime(started));
            return new NotModifiedResult(entityTag, cacheControl);
        }

        var answer = await services.Cache.GetAsync(request);
        services.Counters.RecordAnswer(request.Key, answer.Result, Stopwatch.GetElapsedTime(started));
        return new WidgetDataResult(answer, entityTag, cacheControl);
    }

    private static async Task<IResult> GetDashboard(string studyId, [FromBody] DashboardRequest body, WidgetDataServices services)
    {
        var started = Stopwatch.GetTimestamp();
        var items = body.Widgets ?? [];
        if (items.Count is 0 or > RequestLimits.WidgetsPerDashboard)
        {
            throw RequestValidationException.For("widgets", $"A dashboard asks for 1 to {RequestLimits.WidgetsPerDashboard} widgets; got {items.Count}.");
        }

        // One view of the versions for every item: a dashboard never shows two versions of one dataset.
        var view = await services.Versions.ViewAsync(studyId);
        var requests = new List<Caching.Computing.WidgetRequest>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index] ?? throw RequestValidationException.For($"widgets[{index}]", "Each widget of a dashboard is an object with a widgetId.");
            var query = WidgetQueryParser.FromFields(item.From, item.To, item.Filters, $"widgets[{index}].");
            requests.Add(await services.Requests.ResolveAsync(studyId, RouteIdentifiers.Require(item.WidgetId, $"widgets[{index}].widgetId"), query, view));
        }

        var answers = await services.Cache.GetManyAsync(requests);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var (request, answer) in requests.Zip(answers))
        {
            services.Active.Record(request);
            services.Counters.RecordAnswer(request.Key, answer.Result, elapsed);
        }

        return new DashboardResult(answers);
    }
}
