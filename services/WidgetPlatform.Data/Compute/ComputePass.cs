using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// One <see cref="WidgetComputeEngine.ComputeManyAsync"/> call: which views scan directly, which are answered from daily
/// partials and which partials this pass must build; then the single scan that serves all of them.
/// </summary>
internal sealed class ComputePass(DatasetSnapshot snapshot, IReadOnlyDictionary<string, ColumnKind> schema)
{
    private readonly List<PlannedColumn> _columns = [];
    private readonly List<ScanPlan> _plans = [];
    private readonly Dictionary<int, int> _direct = [];
    private readonly Dictionary<int, (Task<DailyPartials> Partials, PartialsClaim? Claim)> _fromPartials = [];
    private readonly List<PartialsClaim> _claims = [];
    private ScanResult[] _results = [];
    private DatasetReadException? _scanError;

    /// <summary>Checks a view against the schema without adding anything to the scan.</summary>
    public void Check(WidgetComputeRequest request) =>
        ScanPlan.Create(request.Definition, request.Query, schema, snapshot.Files[0], forPartials: false);

    /// <param name="claim">Returns the partials' task, and its completion source when this pass is the one to provide them.</param>
    public void UsePartials(
        int item, string key, WidgetComputeRequest request, Func<string, (Task<DailyPartials> Partials, TaskCompletionSource<DailyPartials>? Claimed)> claim)
    {
        var (partials, claimed) = claim(key);
        PartialsClaim? ours = null;
        if (claimed is not null)
        {
            ours = new PartialsClaim(key, request, claimed);
            _claims.Add(ours);
        }

        _fromPartials[item] = (partials, ours);
    }

    public void Scan(int item, WidgetComputeRequest request) => _direct[item] = AddPlan(request, forPartials: false);

    /// <summary>Partials another process built and shared are loaded instead of planned into the scan.</summary>
    /// <param name="started">Loads already under way, by partials key; a claim without one is loaded now.</param>
    public async Task LoadSharedAsync(IReadOnlyDictionary<string, Task<byte[]?>> started, ISharedPartials? shared, IComputeObserver? observer)
    {
        var loaded = shared is null || _claims.Count == 0
            ? new byte[]?[_claims.Count]
            : await Task.WhenAll(_claims.Select(claim => started.TryGetValue(claim.Key, out var load) ? load : shared.LoadAsync(snapshot, claim.Key)));
        for (var index = 0; index < _claims.Count; index++)
        {
            var claim = _claims[index];
            if (loaded[index] is { } bytes && DailyPartialsFormat.Read(bytes) is { } partials)
            {
                claim.Source.SetResult(partials);
                observer?.PartialsShared();
            }
            else
            {
                claim.Plan = AddPlan(claim.Request, forPartials: true);
            }
        }
    }

    /// <summary>The one scan, when any view or partials need it. A read error fails the views that needed the scan.</summary>
    /// <param name="forget">Drops a claimed partials task that failed, so that a later request tries again.</param>
    /// <param name="minRowsPerCell">Partials with fewer rows per cell are wide (<see cref="WidgetComputeOptions.MinRowsPerPartialsCell"/>).</param>
    public async Task RunAsync(
        int maxParallelism, int minRowsPerCell, IComputeObserver? observer, Action<string, Task<DailyPartials>> forget, CancellationToken cancellationToken)
    {
        if (_plans.Count == 0)
        {
            return;
        }

        var building = _claims.Where(claim => claim.Plan >= 0).ToList();
        try
        {
            // Partials are awaited by other requests too: one caller giving up must not fail them.
            _results = await ParquetScanner.ScanAsync(snapshot.Files, _plans, maxParallelism, building.Count > 0 ? CancellationToken.None : cancellationToken);
        }
        catch (Exception exception)
        {
            foreach (var claim in building)
            {
                forget(claim.Key, claim.Source.Task);
                claim.Source.SetException(exception);
            }

            if (exception is not DatasetReadException readError)
            {
                throw;
            }

            _scanError = readError;
            return;
        }

        observer?.ScanRun(_plans.Count);
        foreach (var claim in building)
        {
            var partials = new DailyPartials(_results[claim.Plan], _plans[claim.Plan].IntegerMeasure);
            claim.Source.SetResult(partials);
            observer?.PartialsBuilt();
            // Against the rows they sum, not the rows read: a filter to one site of twenty leaves top subjects a cell per row
            // all the same.
            if (partials.Cells * minRowsPerCell > partials.RowsAggregated)
            {
                // They answer this pass's views, which waited for them anyway, but are neither kept nor shared.
                claim.Wide = true;
                forget(claim.Key, claim.Source.Task);
            }
        }
    }

    /// <summary>The views whose partials this pass found wide: their shapes are scanned directly from now on.</summary>
    public IEnumerable<WidgetComputeRequest> WideShapes => _claims.Where(claim => claim.Wide).Select(claim => claim.Request);

    /// <summary>Fails the partials this pass claimed but never provided (it ended early), so nobody waits on them forever.</summary>
    public void FailUnfinished(Action<string, Task<DailyPartials>> forget)
    {
        foreach (var claim in _claims.Where(claim => !claim.Source.Task.IsCompleted))
        {
            forget(claim.Key, claim.Source.Task);
            claim.Source.TrySetException(new InvalidOperationException($"The pass that was to build the partials of {snapshot.Dataset} {snapshot.Version} ended without them."));
        }
    }

    public async Task SaveBuiltAsync(ISharedPartials? shared)
    {
        if (shared is null || _scanError is not null)
        {
            return;
        }

        await Task.WhenAll(_claims.Where(claim => claim.Plan >= 0 && !claim.Wide)
            .Select(async claim => await shared.SaveAsync(snapshot, claim.Key, DailyPartialsFormat.Write(await claim.Source.Task))));
    }

    public async Task AnswerAsync(WidgetComputeOutcome?[] outcomes, IReadOnlyList<WidgetComputeRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var (item, plan) in _direct)
        {
            var (definition, query) = (requests[item].Definition, requests[item].Query);
            outcomes[item] = _scanError is not null
                ? new WidgetComputeOutcome(null, _scanError)
                : new WidgetComputeOutcome(
                    new WidgetComputation(ResultBuilder.Build(definition, query, _plans[plan].IntegerMeasure, _results[plan]), _results[plan].RowsProcessed, snapshot.Version, false),
                    null);
        }

        foreach (var (item, (task, claim)) in _fromPartials)
        {
            var (definition, query) = (requests[item].Definition, requests[item].Query);
            try
            {
                var partials = await task.WaitAsync(cancellationToken);
                var scanned = claim is { Plan: >= 0 } ? partials.RowsProcessed : 0;
                outcomes[item] = new WidgetComputeOutcome(
                    new WidgetComputation(ResultBuilder.Build(definition, query, partials.IntegerMeasure, partials.Regroup(definition, query)), scanned, snapshot.Version, true),
                    null);
            }
            catch (DatasetReadException exception)
            {
                outcomes[item] = new WidgetComputeOutcome(null, exception);
            }
        }
    }

    private int AddPlan(WidgetComputeRequest request, bool forPartials)
    {
        _plans.Add(ScanPlan.Create(request.Definition, request.Query, schema, snapshot.Files[0], forPartials, _columns));
        return _plans.Count - 1;
    }

    private sealed class PartialsClaim(string key, WidgetComputeRequest request, TaskCompletionSource<DailyPartials> source)
    {
        public string Key { get; } = key;

        public WidgetComputeRequest Request { get; } = request;

        public TaskCompletionSource<DailyPartials> Source { get; } = source;

        /// <summary>The plan that builds these partials in this pass's scan; -1 when they were loaded.</summary>
        public int Plan { get; set; } = -1;

        /// <summary>Built here with too few rows per cell to be worth keeping.</summary>
        public bool Wide { get; set; }
    }
}
