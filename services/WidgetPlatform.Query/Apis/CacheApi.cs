using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Query.Alerts;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;
using WidgetPlatform.Query.Statistics;

namespace WidgetPlatform.Query.Apis;

/// <summary>Statistics for everyone allowed in; invalidations and warm-ups for admins.</summary>
public static class CacheApi
{
    public static RouteGroupBuilder MapCacheStatisticsApi(this RouteGroupBuilder cache)
    {
        cache.MapGet("stats", FleetStatistics).WithName("GetCacheStatistics")
            .WithSummary("Fleet-wide cache statistics over the last minute, 5 minutes, hour and since start, health score and alerts");
        cache.MapGet("alerts", Alerts).WithName("GetCacheAlerts")
            .WithSummary("The alerts firing at the last evaluation, and the thresholds they were judged by");
        return cache;
    }

    public static RouteGroupBuilder MapStudyCacheStatisticsApi(this RouteGroupBuilder cacheStudy)
    {
        cacheStudy.MapGet("stats", StudyStatistics).WithName("GetStudyCacheStatistics")
            .WithSummary("One study's dataset versions, entries, invalidations and traffic over time, for the study and per widget");
        cacheStudy.MapGet("widgets/{widgetId}/stats", WidgetStatistics).WithName("GetWidgetCacheStatistics")
            .WithSummary("One widget's data version, entries and traffic over time");
        return cacheStudy;
    }

    public static RouteGroupBuilder MapCacheAdministrationApi(this RouteGroupBuilder cache)
    {
        cache.MapPost("invalidations", Invalidate).WithName("InvalidateCache")
            .WithSummary("Drops the named widgets, the widgets carrying the tags, the widgets reading the datasets and the named entries — or, with none, every widget of a study")
            .WithDescription(
                "studyId and widgetIds are identifiers (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64). " +
                $"Tags follow the widget tag rule: {Tag.Rule}. Spaces and punctuation are part of a tag (\"adverse events\", " +
                "\"campaign:123\"); a tag matches whole, ignoring case, and '*' is not a wildcard. A value that breaks a rule is a " +
                "400 problem whose errors name it (\"tags[0]\"). datasets (identifiers) need layer (source or transformed); entryKeys " +
                "are entry keys of the study, as metadata.key gives them.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        cache.MapPost("warmups", Warm).WithName("WarmCache")
            .WithSummary("Asks the warmer to recompute a study's (or every study's) active and priority entries, and named ranges")
            .WithDescription(
                $"ranges: named ranges to warm too ({string.Join(", ", NamedRange.Names)}), over today (UTC), for the named widgets " +
                "or every widget with a time column; filters (column → values, the data endpoint's limits) apply to those ranged views.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        return cache;
    }

    private static async Task<Ok<CacheStatisticsReport>> FleetStatistics(CacheStatisticsReader reader) => TypedResults.Ok(await reader.FleetAsync());

    private static Ok<AlertReport> Alerts(AlertBoard board) => TypedResults.Ok(new AlertReport(board.EvaluatedAt, board.Current, board.Thresholds));

    /// <summary>A study the data folder does not have is a 404, like its data: statistics are not made up for any name asked.</summary>
    private static async Task<Results<Ok<StudyStatistics>, NotFoundProblem>> StudyStatistics(string studyId, CacheStatisticsReader reader, DataStore store) =>
        store.StudyExists(studyId) ? TypedResults.Ok(await reader.StudyAsync(studyId)) : NotFoundProblem.Study(studyId);

    private static async Task<Results<Ok<WidgetStatistics>, NotFoundProblem>> WidgetStatistics(string studyId, string widgetId, CacheStatisticsReader reader) =>
        await reader.WidgetAsync(studyId, widgetId) is { } statistics ? TypedResults.Ok(statistics) : NotFoundProblem.Widget(studyId, widgetId);

    private static async Task<IResult> Invalidate(InvalidationRequest body, HttpContext context, IPublishEndpoint publish, TimeProvider time)
    {
        var studyId = RouteIdentifiers.Require(body.StudyId, "studyId");
        StudyAccessCheck.Require(context, studyId);
        var widgetIds = body.WidgetIds?.Select((id, index) => RouteIdentifiers.Require(id, $"widgetIds[{index}]")).ToList();
        var tags = body.Tags?.Select((tag, index) => RequestTags.Require(tag, $"tags[{index}]")).ToList();
        var datasets = body.Datasets?.Select((dataset, index) => RouteIdentifiers.Require(dataset, $"datasets[{index}]")).ToList();
        if (datasets is { Count: > 0 } && body.Layer is null)
        {
            throw RequestValidationException.For("layer", "datasets need a layer: source or transformed.");
        }

        var entryKeys = body.EntryKeys?.Select((key, index) => RequestEntryKeys.Require(key, studyId, $"entryKeys[{index}]").Value).ToList();
        await publish.Publish(new ManualInvalidationRequested
        {
            StudyId = studyId,
            WidgetIds = widgetIds,
            Tags = tags,
            Layer = body.Layer,
            Datasets = datasets,
            EntryKeys = entryKeys,
            RequestedAt = time.GetUtcNow(),
        });
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> Warm(WarmupRequest body, HttpContext context, IPublishEndpoint publish)
    {
        var studyId = body.StudyId is null ? null : RouteIdentifiers.Require(body.StudyId, "studyId");
        if (studyId is null)
        {
            StudyAccessCheck.RequireAllStudies(context);
        }
        else
        {
            StudyAccessCheck.Require(context, studyId);
        }

        var widgetIds = body.WidgetIds?.Select((id, index) => RouteIdentifiers.Require(id, $"widgetIds[{index}]")).ToList();
        var ranges = body.Ranges?.Select((range, index) => NamedRange.IsKnown(range)
            ? range
            : throw RequestValidationException.For($"ranges[{index}]", NamedRange.NotKnown(range))).ToList();
        if (body.Filters is not null && ranges is not { Count: > 0 })
        {
            throw RequestValidationException.For("filters", "filters apply to the ranged views: name ranges too.");
        }

        var filters = body.Filters is null ? null : WidgetQueryParser.FromFields(null, null, body.Filters, "").Filters;
        await publish.Publish(new WarmRequested { StudyId = studyId, WidgetIds = widgetIds, Force = body.Force ?? false, Ranges = ranges, Filters = filters });
        return TypedResults.Accepted((string?)null);
    }
}

public sealed record InvalidationRequest(
    string? StudyId,
    IReadOnlyList<string>? WidgetIds,
    IReadOnlyList<string>? Tags,
    DatasetLayer? Layer = null,
    IReadOnlyList<string>? Datasets = null,
    IReadOnlyList<string>? EntryKeys = null);

public sealed record WarmupRequest(
    string? StudyId,
    IReadOnlyList<string>? WidgetIds,
    bool? Force,
    IReadOnlyList<string>? Ranges = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null);
