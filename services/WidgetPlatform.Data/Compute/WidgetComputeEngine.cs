using System.Collections.Concurrent;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Computes widgets over exactly one published dataset version (G3), any number of them in one pass over the files.
/// Thread-safe; one instance is meant to be shared, so that daily partials built for one request serve the next, and,
/// through <see cref="ISharedPartials"/>, the other processes.
/// </summary>
public sealed class WidgetComputeEngine(WidgetComputeOptions? options = null, ISharedPartials? sharedPartials = null, IComputeObserver? observer = null)
{
    private readonly WidgetComputeOptions _options = options ?? new WidgetComputeOptions();
    private readonly ConcurrentDictionary<string, Task<DailyPartials>> _partials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _wideShapes = new(StringComparer.Ordinal);

    /// <exception cref="WidgetDefinitionException">The definition is invalid.</exception>
    /// <exception cref="WidgetQueryException">The request or the definition does not fit the data (unknown column, bad value).</exception>
    /// <exception cref="DatasetReadException">A file is corrupt, or a column is missing from a file or typed differently.</exception>
    public async Task<WidgetComputation> ComputeAsync(DatasetSnapshot snapshot, WidgetDefinition definition, WidgetQuery query, CancellationToken cancellationToken = default) =>
        (await ComputeManyAsync(snapshot, [new WidgetComputeRequest(definition, query)], cancellationToken))[0].Unwrap();

    /// <summary>
    /// Computes every view in one scan of the snapshot's files: each column any of them reads is decoded once and feeds all
    /// their accumulators. Views answered from daily partials (kept here, shared, or built by this very scan) add no scan.
    /// </summary>
    public async Task<IReadOnlyList<WidgetComputeOutcome>> ComputeManyAsync(
        DatasetSnapshot snapshot, IReadOnlyList<WidgetComputeRequest> requests, CancellationToken cancellationToken = default)
    {
        var outcomes = new WidgetComputeOutcome?[requests.Count];
        var valid = new List<int>();
        for (var index = 0; index < requests.Count; index++)
        {
            if (Invalid(requests[index]) is { } error)
            {
                outcomes[index] = new WidgetComputeOutcome(null, error);
            }
            else
            {
                valid.Add(index);
            }
        }

        if (valid.Count == 0)
        {
            return outcomes!;
        }

        if (snapshot.Files.Count == 0)
        {
            foreach (var index in valid)
            {
                outcomes[index] = OverNoFiles(snapshot, requests[index]);
            }

            return outcomes!;
        }

        // The partials shape of each view that may be answered from partials, built once for everything below that needs it.
        var shapes = _options.UseDailyPartials
            ? valid.Where(index => DailyPartials.Supports(requests[index].Definition))
                .ToDictionary(index => index, index => PartialsKey.Shape(snapshot, requests[index].Definition, requests[index].Query))
            : [];

        // Asked while the schema is read, rather than in round trips after it: which shapes the fleet knows to be wide (a
        // version's first pass would otherwise build their partials), and the partials another process already shared.
        var unknownShapes = UnknownShapes(snapshot, shapes.Values);
        var learningWideShapes = LearnWideShapesAsync(snapshot, unknownShapes);
        var sharedLoads = sharedPartials is null
            ? []
            : unknownShapes.Select(shape => PartialsKey.For(shape, snapshot)).ToDictionary(key => key, key => sharedPartials.LoadAsync(snapshot, key), StringComparer.Ordinal);
        Dictionary<string, ColumnKind> schema;
        try
        {
            schema = await ReadColumnsAsync(snapshot.Files[0], cancellationToken);
            await learningWideShapes;
        }
        catch (DatasetReadException exception)
        {
            foreach (var index in valid)
            {
                outcomes[index] = new WidgetComputeOutcome(null, exception);
            }

            return outcomes!;
        }

        var pass = new ComputePass(snapshot, schema);
        try
        {
            foreach (var index in valid)
            {
                try
                {
                    var request = requests[index];
                    if (shapes.TryGetValue(index, out var shape) && !_wideShapes.ContainsKey(shape))
                    {
                        pass.Check(request);
                        pass.UsePartials(index, PartialsKey.For(shape, snapshot), request, ClaimPartials);
                    }
                    else
                    {
                        pass.Scan(index, request);
                    }
                }
                catch (WidgetQueryException exception)
                {
                    outcomes[index] = new WidgetComputeOutcome(null, exception);
                }
            }

            await pass.LoadSharedAsync(sharedLoads, sharedPartials, observer);
            await pass.RunAsync(_options.MaxParallelism, _options.MinRowsPerPartialsCell, observer, Forget, cancellationToken);
            foreach (var wide in pass.WideShapes)
            {
                var shape = PartialsKey.Shape(snapshot, wide.Definition, wide.Query);
                if (_wideShapes.TryAdd(shape, true) && sharedPartials is not null)
                {
                    await sharedPartials.SaveWideAsync(snapshot, shape);
                }
            }
        }
        finally
        {
            pass.FailUnfinished(Forget);
        }

        await pass.SaveBuiltAsync(sharedPartials);
        await pass.AnswerAsync(outcomes, requests, cancellationToken);
        return outcomes!;
    }

    /// <summary>The shapes whose partials this process would have to build: those kept here or known wide need no question.</summary>
    private List<string> UnknownShapes(DatasetSnapshot snapshot, IEnumerable<string> shapes) =>
        sharedPartials is null
            ? []
            : [.. shapes.Distinct(StringComparer.Ordinal).Where(shape => !_wideShapes.ContainsKey(shape) && !_partials.ContainsKey(PartialsKey.For(shape, snapshot)))];

    /// <summary>Adds to the wide shapes those of <paramref name="unknown"/> that another process found wide.</summary>
    private async Task LearnWideShapesAsync(DatasetSnapshot snapshot, List<string> unknown)
    {
        if (unknown.Count == 0)
        {
            return;
        }

        foreach (var shape in await sharedPartials!.WideShapesAsync(snapshot, unknown))
        {
            _wideShapes.TryAdd(shape, true);
        }
    }

    private void Forget(string key, Task<DailyPartials> partials) =>
        _partials.TryRemove(new KeyValuePair<string, Task<DailyPartials>>(key, partials));

    /// <summary>This pass's task for the partials of <paramref name="key"/>, or the one already built or being built here.</summary>
    private (Task<DailyPartials> Partials, TaskCompletionSource<DailyPartials>? Claimed) ClaimPartials(string key)
    {
        if (_partials.TryGetValue(key, out var known))
        {
            return (known, null);
        }

        if (_partials.Count >= _options.MaxCachedPartials)
        {
            _partials.Clear();
        }

        var mine = new TaskCompletionSource<DailyPartials>(TaskCreationOptions.RunContinuationsAsynchronously);
        var winner = _partials.GetOrAdd(key, mine.Task);
        return (winner, ReferenceEquals(winner, mine.Task) ? mine : null);
    }

    private static Exception? Invalid(WidgetComputeRequest request)
    {
        try
        {
            WidgetDefinitionValidator.Validate(request.Definition);
            var requestErrors = new List<string>();
            WidgetDefinitionValidator.CheckFilters(requestErrors, request.Query.Filters, "request filters");
            return requestErrors.Count > 0 ? new WidgetQueryException(string.Join("; ", requestErrors)) : null;
        }
        catch (WidgetDefinitionException exception)
        {
            return exception;
        }
    }

    private static WidgetComputeOutcome OverNoFiles(DatasetSnapshot snapshot, WidgetComputeRequest request)
    {
        try
        {
            var (definition, query) = (request.Definition, request.Query);
            var emptyPlan = ScanPlan.Create(definition, query, EverythingFits(definition, query), snapshot.Directory, forPartials: false);
            return new WidgetComputeOutcome(
                new WidgetComputation(ResultBuilder.Build(definition, query, emptyPlan.IntegerMeasure, new ScanResult()), 0, snapshot.Version, false), null);
        }
        catch (WidgetQueryException exception)
        {
            return new WidgetComputeOutcome(null, exception);
        }
    }

    private static async Task<Dictionary<string, ColumnKind>> ReadColumnsAsync(string file, CancellationToken cancellationToken)
    {
        await using var reader = await ParquetFiles.OpenAsync(file, cancellationToken);
        return ParquetFiles.Columns(reader.Schema);
    }

    /// <summary>A version without files has no schema to check against: every named column is taken as a string, except a measure's (int64).</summary>
    private static Dictionary<string, ColumnKind> EverythingFits(WidgetDefinition definition, WidgetQuery query)
    {
        var columns = ScanPlan.MergedFilters(definition, query).Select(filter => filter.Key)
            .Append(definition.Dimension).Append(definition.TimeColumn)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(column => column, column => column == definition.TimeColumn ? ColumnKind.Date : ColumnKind.String, StringComparer.Ordinal);
        if (definition.Measure.Column is { } measure)
        {
            columns[measure] = ColumnKind.Int64;
        }

        return columns;
    }
}
