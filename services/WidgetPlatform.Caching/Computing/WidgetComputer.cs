using System.Diagnostics;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Caching.Computing;

/// <summary>Computes answers from the Parquet files of exactly each request's data version, rendered as the cached body.</summary>
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
        activity?.SetTag("widget.rows_processed", computation.RowsProcessed);
        return Render(request, computation, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Computes requests in one pass per dataset version they read (docs/cache.md, "One pass per upload"): each version's
    /// files are scanned once for all of them. Per request its entry, or why it could not be computed.
    /// </summary>
    public async Task<(CacheEntry? Entry, Exception? Error)[]> ComputePassAsync(IReadOnlyList<WidgetRequest> requests, CancellationToken cancellationToken)
    {
        var results = new (CacheEntry? Entry, Exception? Error)[requests.Count];
        var byVersion = Enumerable.Range(0, requests.Count)
            .GroupBy(index => (requests[index].StudyId, requests[index].Definition.Layer, requests[index].Definition.Dataset, requests[index].DataVersion));
        foreach (var group in byVersion)
        {
            var (studyId, layer, dataset, version) = group.Key;
            var members = group.ToList();
            using var activity = PlatformTelemetry.ActivitySource.StartActivity("widget.compute.pass");
            activity?.SetTag("widget.dataset", $"{studyId}/{dataset}@{version}");
            activity?.SetTag("widget.pass.views", members.Count);
            var started = Stopwatch.GetTimestamp();
            DatasetSnapshot snapshot;
            try
            {
                snapshot = store.ResolveDataset(studyId, layer, dataset, version);
            }
            catch (DatasetNotFoundException exception)
            {
                members.ForEach(index => results[index] = (null, exception));
                continue;
            }

            var outcomes = await engine.ComputeManyAsync(
                snapshot, [.. members.Select(index => new WidgetComputeRequest(requests[index].Definition, requests[index].Query))], cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            for (var position = 0; position < members.Count; position++)
            {
                var index = members[position];
                results[index] = outcomes[position].Computation is { } computation
                    ? (Render(requests[index], computation, elapsed), null)
                    : (null, outcomes[position].Error);
            }
        }

        return results;
    }

    /// <param name="elapsed">The computation's time; for a pass, the whole pass, which is what this answer waited for.</param>
    private CacheEntry Render(WidgetRequest request, WidgetComputation computation, TimeSpan elapsed)
    {
        counters.RecordComputation(elapsed, request.Definition.Type);
        return ResponseBody.Render(computation.SerializeData(), new CacheEntryMetadata
        {
            Key = request.Key.Value,
            CalculatedAt = time.GetUtcNow(),
            DataVersion = request.DataVersion,
            TtlSeconds = options.Ttl(request.Definition.TtlClass),
            CacheValueOffset = 0,
        }, request.Filter.Utf8, elapsed.TotalMilliseconds, computation.RowsProcessed);
    }
}
