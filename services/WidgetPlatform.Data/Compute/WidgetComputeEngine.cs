using System.Collections.Concurrent;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Computes a widget over exactly one published dataset version (G3). Thread-safe; one instance is meant to be shared,
/// so that daily partials built for one request serve the next.
/// </summary>
public sealed class WidgetComputeEngine(WidgetComputeOptions? options = null)
{
    private readonly WidgetComputeOptions _options = options ?? new WidgetComputeOptions();
    private readonly ConcurrentDictionary<string, Lazy<Task<DailyPartials>>> _partials = new(StringComparer.Ordinal);

    /// <exception cref="WidgetDefinitionException">The definition is invalid.</exception>
    /// <exception cref="WidgetQueryException">The request or the definition does not fit the data (unknown column, bad value).</exception>
    /// <exception cref="DatasetReadException">A file is corrupt, or a column is missing from a file or typed differently.</exception>
    public async Task<WidgetComputation> ComputeAsync(DatasetSnapshot snapshot, WidgetDefinition definition, WidgetQuery query, CancellationToken cancellationToken = default)
    {
        WidgetDefinitionValidator.Validate(definition);
        var requestErrors = new List<string>();
        WidgetDefinitionValidator.CheckFilters(requestErrors, query.Filters, "request filters");
        if (requestErrors.Count > 0)
        {
            throw new WidgetQueryException(string.Join("; ", requestErrors));
        }

        if (snapshot.Files.Count == 0)
        {
            var emptyPlan = ScanPlan.Create(definition, query, EverythingFits(definition, query), snapshot.Directory, forPartials: false);
            return new WidgetComputation(ResultBuilder.Build(definition, query, emptyPlan.IntegerMeasure, new ScanResult()), 0, snapshot.Version, false);
        }

        var schema = await ReadColumnsAsync(snapshot.Files[0], cancellationToken);
        if (_options.UseDailyPartials && DailyPartials.Supports(definition))
        {
            ScanPlan.Create(definition, query, schema, snapshot.Files[0], forPartials: false);
            var (partials, built) = await GetPartialsAsync(snapshot, definition, query, schema, cancellationToken);
            var regrouped = partials.Regroup(definition, query);
            return new WidgetComputation(
                ResultBuilder.Build(definition, query, partials.IntegerMeasure, regrouped), built ? partials.RowsProcessed : 0, snapshot.Version, true);
        }

        var plan = ScanPlan.Create(definition, query, schema, snapshot.Files[0], forPartials: false);
        var scan = await ParquetScanner.ScanAsync(snapshot.Files, plan, _options.MaxParallelism, cancellationToken);
        return new WidgetComputation(ResultBuilder.Build(definition, query, plan.IntegerMeasure, scan), scan.RowsProcessed, snapshot.Version, false);
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

    private async Task<(DailyPartials Partials, bool Built)> GetPartialsAsync(
        DatasetSnapshot snapshot, WidgetDefinition definition, WidgetQuery query, Dictionary<string, ColumnKind> schema, CancellationToken cancellationToken)
    {
        var key = PartialsKey.For(snapshot.Directory, definition, query);
        if (_partials.TryGetValue(key, out var cached))
        {
            return (await cached.Value, false);
        }

        if (_partials.Count >= _options.MaxCachedPartials)
        {
            _partials.Clear();
        }

        var plan = ScanPlan.Create(definition, query, schema, snapshot.Files[0], forPartials: true);
        var entry = new Lazy<Task<DailyPartials>>(async () =>
        {
            var days = await ParquetScanner.ScanAsync(snapshot.Files, plan, _options.MaxParallelism, CancellationToken.None);
            return new DailyPartials(days, plan.IntegerMeasure);
        });
        var winner = _partials.GetOrAdd(key, entry);
        try
        {
            var partials = await winner.Value.WaitAsync(cancellationToken);
            return (partials, ReferenceEquals(winner, entry));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _partials.TryRemove(new KeyValuePair<string, Lazy<Task<DailyPartials>>>(key, winner));
            throw;
        }
    }
}
