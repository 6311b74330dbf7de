using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Query.Responses;

namespace WidgetPlatform.Query.Apis;

public static class ManifestApi
{
    public static RouteGroupBuilder MapManifestApi(this RouteGroupBuilder study)
    {
        study.MapGet("manifest", GetManifest)
            .WithName("GetManifest")
            .WithSummary("The study's manifest (snake_case, as on disk): the current version of every dataset, as announced");
        return study;
    }

    /// <summary>
    /// <c>manifest.json</c> with the Redis mirror merged onto it, as the invalidation service writes it: the file follows an
    /// announcement by a few milliseconds (docs/cache.md, "The event path"), and a client that heard <c>version-changed</c>
    /// must find that version here. Without Redis, the file alone.
    /// </summary>
    private static async Task<Results<Ok<StudyManifest>, NotFoundProblem>> GetManifest(
        string studyId, DataStore store, ManifestMirror mirror, RedisCircuit circuit, CancellationToken cancellationToken)
    {
        var onDisk = await store.ReadManifestAsync(studyId, cancellationToken);
        var (reachable, mirrored) = await circuit.TryAsync(() => mirror.ReadAsync(studyId));
        if (!reachable || mirrored!.Count == 0)
        {
            return onDisk is null ? NotFoundProblem.Manifest(studyId) : TypedResults.Ok(onDisk);
        }

        return TypedResults.Ok(ManifestMerge.Merge(studyId, onDisk, mirrored).Manifest);
    }
}
