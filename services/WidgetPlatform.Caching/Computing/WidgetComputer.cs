using System.Diagnostics;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Computing;

/// <summary>Computes an answer from the Parquet files of exactly the request's data version, rendered as the cached body.</summary>
public sealed class WidgetComputer(DataStore store, WidgetComputeEngine engine, WidgetCacheOptions options, Statistics.CacheCounters counters, TimeProvider time)
{
    public async Task<CacheEntry> ComputeAsync(WidgetRequest request, CancellationToken cancellationToken)
    {
        using var activity = PlatformTelemetry.ActivitySource.StartActivity("widget.compute");
        activity?.SetTag("widget.key", request.Key.Value);
        var started = Stopwatch.GetTimestamp();

        var definition = request.Definition;
        var snapshot = store.ResolveDataset(request.StudyId, definition.Layer, definition.Dataset, request.DataVersion);
        var computation = await engine.ComputeAsync(snapshot, definition, request.Query, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        counters.RecordComputation(elapsed);
        activity?.SetTag("widget.rows_processed", computation.RowsProcessed);

        return ResponseBody.Render(computation.SerializeData(), new CacheEntryMetadata
        {
            Key = request.Key.Value,
            CalculatedAt = time.GetUtcNow(),
            DataVersion = request.DataVersion,
            QueryTime = elapsed.TotalMilliseconds,
            RowsProcessed = computation.RowsProcessed,
            Filter = request.Filter.Json,
            TtlSeconds = options.Ttl(definition.TtlClass),
            CacheValueOffset = 0,
        });
    }
}
