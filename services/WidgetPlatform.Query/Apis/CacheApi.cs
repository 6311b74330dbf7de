using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Statistics;

namespace WidgetPlatform.Query.Apis;

/// <summary>Statistics for everyone allowed in; invalidations and warm-ups for admins.</summary>
public static class CacheApi
{
    public static RouteGroupBuilder MapCacheStatisticsApi(this RouteGroupBuilder cache)
    {
        cache.MapGet("stats", FleetStatistics).WithName("GetCacheStatistics")
            .WithSummary("Fleet-wide cache statistics, health score and alerts");
        return cache;
    }

    public static RouteGroupBuilder MapStudyCacheStatisticsApi(this RouteGroupBuilder cacheStudy)
    {
        cacheStudy.MapGet("stats", StudyStatistics).WithName("GetStudyCacheStatistics")
            .WithSummary("One study's dataset versions, cached entries and active combinations");
        return cacheStudy;
    }

    public static RouteGroupBuilder MapCacheAdministrationApi(this RouteGroupBuilder cache)
    {
        cache.MapPost("invalidations", Invalidate).WithName("InvalidateCache")
            .WithSummary("Drops the named widgets, the widgets carrying the tags, or (with neither) every widget of a study")
            .WithDescription(
                "studyId and widgetIds are identifiers (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64). " +
                $"Tags follow the widget tag rule: {Tag.Rule}. Spaces and punctuation are part of a tag (\"adverse events\", " +
                "\"campaign:123\"); a tag matches whole, ignoring case, and '*' is not a wildcard. A value that breaks a rule is a " +
                "400 problem whose errors name it (\"tags[0]\").")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        cache.MapPost("warmups", Warm).WithName("WarmCache")
            .WithSummary("Asks the warmer to recompute a study's (or every study's) active and priority entries")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        return cache;
    }

    private static async Task<Ok<CacheStatisticsReport>> FleetStatistics(CacheStatisticsReader reader) => TypedResults.Ok(await reader.FleetAsync());

    private static async Task<Ok<StudyStatistics>> StudyStatistics(string studyId, CacheStatisticsReader reader) => TypedResults.Ok(await reader.StudyAsync(studyId));

    private static async Task<IResult> Invalidate(InvalidationRequest body, HttpContext context, IPublishEndpoint publish, TimeProvider time)
    {
        var studyId = RouteIdentifiers.Require(body.StudyId, "studyId");
        StudyAccessCheck.Require(context, studyId);
        var widgetIds = body.WidgetIds?.Select((id, index) => RouteIdentifiers.Require(id, $"widgetIds[{index}]")).ToList();
        var tags = body.Tags?.Select((tag, index) => RequestTags.Require(tag, $"tags[{index}]")).ToList();
        await publish.Publish(new ManualInvalidationRequested { StudyId = studyId, WidgetIds = widgetIds, Tags = tags, RequestedAt = time.GetUtcNow() });
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
        await publish.Publish(new WarmRequested { StudyId = studyId, WidgetIds = widgetIds, Force = body.Force ?? false });
        return TypedResults.Accepted((string?)null);
    }
}

public sealed record InvalidationRequest(string? StudyId, IReadOnlyList<string>? WidgetIds, IReadOnlyList<string>? Tags);

public sealed record WarmupRequest(string? StudyId, IReadOnlyList<string>? WidgetIds, bool? Force);
