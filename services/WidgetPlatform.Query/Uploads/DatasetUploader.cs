using MassTransit;
using Microsoft.Extensions.Options;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Query.Requests;

namespace WidgetPlatform.Query.Uploads;

/// <summary>
/// Acts as a pipeline would (docs/design.md §3): checks the Parquet body whole, publishes it as a new immutable version, then
/// publishes DataUploaded or PipelineCompleted. The manifest is the invalidation service's to advance. A bad body changes
/// nothing and publishes nothing.
/// </summary>
public sealed class DatasetUploader(DataStore store, IPublishEndpoint publish, CacheCounters counters, TimeProvider time, IOptions<DatasetUploadOptions> options)
{
    private const string UploadScriptName = "upload";

    /// <summary>Uploads go only to a study that exists: the endpoint asks first and answers 404 otherwise.</summary>
    public bool StudyExists(string studyId) => store.StudyExists(studyId);

    public async Task<string> UploadAsync(string studyId, DatasetLayer layer, string dataset, Stream body, CancellationToken cancellationToken)
    {
        var received = Path.Combine(Path.GetTempPath(), $"widgetplatform-upload-{Guid.NewGuid():N}.parquet");
        try
        {
            await using (var file = File.Create(received))
            {
                await body.CopyToAsync(file, cancellationToken);
            }

            var rows = await CheckAsync(received, cancellationToken);
            var version = store.NextVersion(studyId, layer, dataset, time.GetUtcNow().UtcDateTime);
            await store.PublishDatasetVersionAsync(studyId, layer, dataset, version, (folder, _) =>
            {
                File.Move(received, Path.Combine(folder, "part-00000.parquet"));
                return Task.CompletedTask;
            }, cancellationToken);

            var steps = new StepTimings();
            await steps.TimeAsync(EventPathStep.UploadPublish, () => PublishConfirmedAsync(studyId, layer, dataset, version, rows, cancellationToken));
            counters.EventPath.Record(steps);
            return version;
        }
        finally
        {
            File.Delete(received);
        }
    }

    private static async Task<long> CheckAsync(string received, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetFileCheck.CheckAsync(received, "the request body", cancellationToken);
        }
        catch (DatasetReadException exception)
        {
            throw RequestValidationException.For("body", exception.Message);
        }
    }

    private async Task PublishConfirmedAsync(string studyId, DatasetLayer layer, string dataset, string version, long rows, CancellationToken aborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await PublishAsync(studyId, layer, dataset, version, rows, deadline.Token);
        }
        catch (Exception unconfirmed) when (unconfirmed is MassTransitException || (unconfirmed is OperationCanceledException && !aborted.IsCancellationRequested))
        {
            throw new BrokerUnavailableException(version, unconfirmed);
        }
    }

    private Task PublishAsync(string studyId, DatasetLayer layer, string dataset, string version, long rows, CancellationToken cancellationToken) =>
        layer == DatasetLayer.Source
            ? publish.Publish(new DataUploaded
            {
                StudyId = studyId, Dataset = dataset, SourceVersion = version, UploadedAt = time.GetUtcNow(), RowCount = rows,
            }, cancellationToken)
            : publish.Publish(new PipelineCompleted
            {
                StudyId = studyId, ScriptName = UploadScriptName, TransformedVersion = version, Datasets = [dataset], CompletedAt = time.GetUtcNow(),
            }, cancellationToken);
}
