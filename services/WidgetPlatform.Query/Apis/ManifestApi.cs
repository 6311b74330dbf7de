using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Query.Apis;

public static class ManifestApi
{
    public static RouteGroupBuilder MapManifestApi(this RouteGroupBuilder study)
    {
        study.MapGet("manifest", GetManifest)
            .WithName("GetManifest")
            .WithSummary("The study's manifest (snake_case, as on disk): the current version of every dataset")
            .Produces<StudyManifest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return study;
    }

    private static async Task<IResult> GetManifest(string studyId, DataStore store, CancellationToken cancellationToken) =>
        await store.ReadManifestAsync(studyId, cancellationToken) is { } manifest
            ? TypedResults.Ok(manifest)
            : throw new DatasetNotFoundException($"Study '{studyId}' has no manifest.");
}
