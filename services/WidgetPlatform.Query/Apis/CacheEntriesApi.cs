using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Entries;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;

namespace WidgetPlatform.Query.Apis;

/// <summary>Entry-level control for admins (docs/cache.md, "Entry-level control"): list a widget's entries, inspect one, delete one.</summary>
public static class CacheEntriesApi
{
    public static RouteGroupBuilder MapCacheEntriesApi(this RouteGroupBuilder cacheStudy)
    {
        cacheStudy.MapGet("widgets/{widgetId}/entries", List).WithName("ListCacheEntries")
            .WithSummary("A widget's entries in Redis: key, data version, size, TTL left, hits")
            .WithDescription($"limit: 1 to {EntryInspector.MaxListed} (100 by default); 'truncated' says whether more are left.")
            .ProducesValidationProblem();
        cacheStudy.MapGet("entries/{key}", Inspect).WithName("GetCacheEntry")
            .WithSummary("One entry: what it answers, its size and memory, when and how fast it was computed, TTL left, hits")
            .WithDescription("key is the entry's key as metadata.key gives it (widget:{studyId}:widgetId:version:hash), URL-encoded.")
            .ProducesValidationProblem();
        cacheStudy.MapDelete("entries/{key}", Delete).WithName("DeleteCacheEntry")
            .WithSummary("Deletes one entry, everywhere: the invalidation service removes it from Redis and every gateway drops its copy")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        return cacheStudy;
    }

    private static async Task<Results<Ok<EntryListing>, NotFoundProblem>> List(
        string studyId, string widgetId, int? limit, EntryInspector inspector, Caching.Manifests.WidgetCatalog catalog)
    {
        RouteIdentifiers.Require(widgetId, "widgetId");
        if (limit is < 1 or > EntryInspector.MaxListed)
        {
            throw RequestValidationException.For("limit", $"limit is 1 to {EntryInspector.MaxListed}.");
        }

        // A deleted widget's leftovers are listed too: they are what an admin may want to see go.
        var listing = await inspector.ListAsync(studyId, widgetId, limit ?? 100);
        return listing.Total == 0 && await catalog.FindAsync(studyId, widgetId) is null
            ? NotFoundProblem.Widget(studyId, widgetId)
            : TypedResults.Ok(listing);
    }

    private static async Task<Results<Ok<EntryDetails>, NotFoundProblem>> Inspect(string studyId, string key, EntryInspector inspector) =>
        await inspector.InspectAsync(EntryKey(studyId, key)) is { } details ? TypedResults.Ok(details) : NotFoundProblem.Entry(key);

    private static async Task<Accepted> Delete(string studyId, string key, IPublishEndpoint publish, TimeProvider time)
    {
        var entry = EntryKey(studyId, key);
        await publish.Publish(new ManualInvalidationRequested { StudyId = studyId, EntryKeys = [entry.Value], RequestedAt = time.GetUtcNow() });
        return TypedResults.Accepted((string?)null);
    }

    private static WidgetCacheKey EntryKey(string studyId, string key) => RequestEntryKeys.Require(key, studyId, "key");
}
