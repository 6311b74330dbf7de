using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WidgetPlatform.Contracts;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;
using WidgetPlatform.Query.Uploads;

namespace WidgetPlatform.Query.Apis;

public static class DatasetsApi
{
    public static RouteGroupBuilder MapDatasetsApi(this RouteGroupBuilder study, DatasetUploadOptions options)
    {
        study.MapPut("datasets/{dataset}", UploadDataset)
            .WithName("UploadDataset")
            .WithSummary("Publishes a Parquet file as the dataset's new version and announces it as a pipeline would")
            .WithDescription("The body is the Parquet file itself (application/octet-stream). Needs the uploader or admin role.")
            .ProducesValidationProblem()
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBytes));
        return study;
    }

    private static async Task<Results<Accepted<UploadAccepted>, NotFoundProblem>> UploadDataset(
        string studyId, string dataset, string? layer, HttpRequest request, DatasetUploader uploader)
    {
        // An upload without ?layer= is a source dataset's, as it always was.
        var datasetLayer = DatasetLayer.Source;
        if (layer is not null && !DatasetLayers.TryParse(layer, out datasetLayer))
        {
            throw RequestValidationException.For("layer", DatasetLayers.NotALayer(layer));
        }

        if (!uploader.StudyExists(studyId))
        {
            return NotFoundProblem.Study(studyId);
        }

        var version = await uploader.UploadAsync(studyId, datasetLayer, dataset, request.Body, request.HttpContext.RequestAborted);
        return TypedResults.Accepted((string?)null, new UploadAccepted(version));
    }
}

public sealed record UploadAccepted(string Version);
