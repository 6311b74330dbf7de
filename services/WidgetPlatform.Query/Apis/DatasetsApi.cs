using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WidgetPlatform.Data;
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
        var datasetLayer = layer switch
        {
            null or "source" => DatasetLayer.Source,
            "transformed" => DatasetLayer.Transformed,
            _ => throw RequestValidationException.For("layer", $"'{layer}' is not a layer: source or transformed."),
        };

        if (!uploader.StudyExists(studyId))
        {
            return NotFoundProblem.Study(studyId);
        }

        var version = await uploader.UploadAsync(studyId, datasetLayer, dataset, request.Body, request.HttpContext.RequestAborted);
        return TypedResults.Accepted((string?)null, new UploadAccepted(version));
    }
}

public sealed record UploadAccepted(string Version);
