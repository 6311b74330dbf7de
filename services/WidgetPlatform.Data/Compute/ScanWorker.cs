using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// The state one thread scans with: its own column vectors and interners, decoded once per row group, and one
/// <see cref="PlanAggregator"/> per plan of the pass fed from them, so the hot loop takes no locks. Aggregators share only
/// what they read, so when cores would otherwise sit idle (a pass over one uploaded row group) they run side by side.
/// </summary>
internal sealed class ScanWorker
{
    private readonly IReadOnlyList<PlannedColumn> _columns;
    private readonly ColumnVector[] _vectors;
    private readonly StringInterner?[] _interners;
    private readonly PlanAggregator[] _aggregators;

    /// <summary>One mask per distinct set of filters among the plans, and per mask the plans that read it.</summary>
    private readonly (FilterMask Mask, int[] Plans)[] _filterMasks;

    /// <summary>Per time column, its rows as day numbers: computed once per row group for every plan that reads it.</summary>
    private readonly int[]?[] _days;

    private readonly ParallelOptions? _aggregation;

    /// <param name="plans">Plans sharing one column list (<see cref="ScanPlan.Columns"/>).</param>
    /// <param name="aggregationThreads">Threads this worker may feed its plans' aggregators on (1: this one).</param>
    public ScanWorker(IReadOnlyList<ScanPlan> plans, int aggregationThreads = 1)
    {
        _aggregation = aggregationThreads > 1 && plans.Count > 1 ? new ParallelOptions { MaxDegreeOfParallelism = aggregationThreads } : null;
        _columns = plans[0].Columns;
        _vectors = [.. _columns.Select(_ => new ColumnVector())];
        _interners = [.. _columns.Select(column => column.Kind == ColumnKind.String ? new StringInterner() : null)];
        _filterMasks = [.. Enumerable.Range(0, plans.Count)
            .Where(index => plans[index].Filters.Count > 0)
            .GroupBy(index => FilterMask.KeyOf(plans[index].Filters), StringComparer.Ordinal)
            .Select(sharing => (new FilterMask(plans[sharing.First()].Filters), sharing.ToArray()))];
        var maskOf = _filterMasks.SelectMany(set => set.Plans.Select(plan => (Plan: plan, set.Mask))).ToDictionary(pair => pair.Plan, pair => pair.Mask);
        _aggregators = [.. plans.Select((plan, index) => new PlanAggregator(plan, _vectors, _interners, maskOf.GetValueOrDefault(index)))];
        _days = new int[]?[_columns.Count];
        foreach (var plan in plans.Where(plan => plan.TimeColumn >= 0))
        {
            _days[plan.TimeColumn] = [];
        }
    }

    /// <param name="rowGroup">The row group's metadata (a reader other threads may share).</param>
    /// <param name="skippedPlans">Per plan, whether the row group's statistics rule it out (its rows are then not fed to it).</param>
    /// <param name="handle">The same file for reading dictionary-encoded string and plain chunks directly; null reads everything through Parquet.Net.</param>
    /// <param name="ownRowGroup">The row group on a reader of this thread's own, for the columns Parquet.Net reads.</param>
    public async ValueTask ProcessAsync(
        ParquetRowGroupReader rowGroup,
        bool[] skippedPlans,
        IReadOnlyList<DataField> fields,
        string file,
        SafeFileHandle? handle,
        Func<ValueTask<ParquetRowGroupReader>> ownRowGroup,
        CancellationToken cancellationToken)
    {
        var rows = checked((int)rowGroup.RowCount);
        for (var column = 0; column < _vectors.Length; column++)
        {
            try
            {
                await ColumnDecoder.DecodeAsync(rowGroup, fields[column], _columns[column].Kind, rows, _vectors[column], _interners[column], handle, cancellationToken, ownRowGroup);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new DatasetReadException(file, _columns[column].Name, "The column cannot be read; the file may be corrupt", exception);
            }
        }

        for (var column = 0; column < _days.Length; column++)
        {
            if (_days[column] is not null)
            {
                ComputeDays(column, rows);
            }
        }

        foreach (var (mask, maskPlans) in _filterMasks)
        {
            if (maskPlans.Any(plan => !skippedPlans[plan]))
            {
                mask.Compute(rows, _vectors, _interners);
            }
        }

        if (_aggregation is null)
        {
            for (var index = 0; index < _aggregators.Length; index++)
            {
                Aggregate(index, rows, skippedPlans);
            }
        }
        else
        {
            Parallel.For(0, _aggregators.Length, _aggregation, index => Aggregate(index, rows, skippedPlans));
        }
    }

    private void Aggregate(int index, int rows, bool[] skippedPlans)
    {
        if (skippedPlans[index])
        {
            return;
        }

        var timeColumn = _aggregators[index].TimeColumn;
        _aggregators[index].Aggregate(rows, timeColumn >= 0 ? _days[timeColumn] : null);
    }

    /// <summary>Gives the rented column buffers back; call once the worker is merged or has failed.</summary>
    public void ReturnBuffers()
    {
        foreach (var vector in _vectors)
        {
            vector.Return();
        }

        foreach (var (mask, _) in _filterMasks)
        {
            mask.Return();
        }

        for (var column = 0; column < _days.Length; column++)
        {
            if (_days[column] is not null)
            {
                ColumnVector.Release(ref _days[column]!);
            }
        }
    }

    private void ComputeDays(int column, int rows)
    {
        ColumnVector.Grow(ref _days[column]!, rows);
        var days = _days[column]!;
        var vector = _vectors[column];
        var isTimestamp = _columns[column].Kind == ColumnKind.Timestamp;
        for (var row = 0; row < rows; row++)
        {
            days[row] = vector.HasNulls && vector.Nulls[row] ? ScanPlan.NoDay
                : isTimestamp ? (int)(vector.Longs[row] / TimeSpan.TicksPerDay)
                : (int)vector.Longs[row];
        }
    }

    /// <summary>Adds this worker's share of plan <paramref name="plan"/> to that plan's result; plans may be merged in parallel.</summary>
    public void MergeInto(int plan, ScanResult result, StringInterner distinctStrings) => _aggregators[plan].MergeInto(result, distinctStrings);
}
