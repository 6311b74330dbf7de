using Microsoft.AspNetCore.Http.HttpResults;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Query.Responses;

namespace WidgetPlatform.Query.Apis;

public static class ManifestApi
{
    public static RouteGroupBuilder MapManifestApi(this RouteGroupBuilder study)
    {
        study.MapGet("manifest", GetManifest)
            .WithName("GetManifest")
            .WithSummary("The study's manifest (snake_case, as on disk): the current version of every dataset");
        return study;
    }

    private static async Task<Results<Ok<StudyManifest>, NotFoundProblem>> GetManifest(
        string studyId, DataStore store, CancellationToken cancellationToken) =>
        await store.ReadManifestAsync(studyId, cancellationToken) is { } manifest
            ? TypedResults.Ok(manifest)
            : NotFoundProblem.Manifest(studyId);
}
