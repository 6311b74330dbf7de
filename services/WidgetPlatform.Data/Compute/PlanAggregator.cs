using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// One plan's state inside one worker: its slots, groups and accumulators, fed from the worker's decoded columns. A pass
/// that serves many widgets gives each its own aggregator over the same vectors, so each column is read once for all.
/// Group and distinct ids are local to the worker and become values only when the workers are merged.
/// </summary>
internal sealed class PlanAggregator
{
    private readonly ScanPlan _plan;
    private readonly ColumnVector[] _vectors;
    private readonly StringInterner?[] _interners;
    private readonly FilterMask? _filters;
    private readonly Dictionary<long, int> _dimensionIds = [];
    private readonly List<long> _dimensionValues = [];
    private readonly Dictionary<int, SlotCells> _slots = [];
    private readonly DistinctIdSets _distinctIds = new();
    private int _lastDay = int.MinValue;
    private int _lastBucket;
    private long _rowsProcessed;

    /// <summary>The plan's time column among the worker's columns, or -1.</summary>
    public int TimeColumn => _plan.TimeColumn;

    /// <param name="filters">The worker's mask of the plan's filters, computed before each row group; null when it has none.</param>
    public PlanAggregator(ScanPlan plan, ColumnVector[] vectors, StringInterner?[] interners, FilterMask? filters)
    {
        _plan = plan;
        _vectors = vectors;
        _interners = interners;
        _filters = filters;
    }

    public void MergeInto(ScanResult result, StringInterner distinctStrings)
    {
        var distinctInterner = _plan.MeasureColumn >= 0 && _plan.Columns[_plan.MeasureColumn].Kind == ColumnKind.String ? _interners[_plan.MeasureColumn] : null;
        foreach (var (slot, cells) in _slots)
        {
            var target = result.Slot(slot);
            for (var index = 0; index < cells.Counts.Length; index++)
            {
                if (cells.Counts[index] > 0)
                {
                    target.Group(KeyOf(index)).Count += cells.Counts[index];
                }
            }

            for (var index = 0; index < cells.Groups.Length; index++)
            {
                if (cells.Groups[index] is { } accumulator)
                {
                    target.Group(KeyOf(index)).Merge(Globalise(accumulator, distinctInterner, distinctStrings));
                }
            }

            if (cells.Total is { } total)
            {
                (target.Total ??= new Accumulator()).Merge(Globalise(total, distinctInterner, distinctStrings));
            }
        }

        result.RowsProcessed += _rowsProcessed;
    }

    private static Accumulator Globalise(Accumulator accumulator, StringInterner? local, StringInterner global)
    {
        if (local is null || (accumulator.Distinct is null && accumulator.DistinctIds is null))
        {
            return accumulator;
        }

        var globalIds = new HashSet<long>();
        foreach (var id in DistinctIdSets.Ids(accumulator))
        {
            globalIds.Add(global.IdOf(local.Values[id]));
        }

        accumulator.Distinct = globalIds;
        accumulator.DistinctIds = null;
        return accumulator;
    }

    private GroupKey KeyOf(int groupIndex)
    {
        if (_plan.DimensionColumn < 0 || groupIndex == 0)
        {
            return new GroupKey(null);
        }

        var id = groupIndex - 1;
        return _plan.Columns[_plan.DimensionColumn].Kind switch
        {
            ColumnKind.String => new GroupKey(_interners[_plan.DimensionColumn]!.Values[id]),
            ColumnKind.Boolean => new GroupKey(_dimensionValues[id] != 0),
            ColumnKind.Date => new GroupKey(DateOnly.FromDayNumber((int)_dimensionValues[id])),
            _ => new GroupKey(_dimensionValues[id]),
        };
    }

    /// <param name="days">The day number of each row in the plan's time column (<see cref="ScanPlan.NoDay"/> for null); null without one.</param>
    public void Aggregate(int rows, int[]? days)
    {
        _rowsProcessed += rows;
        var dimension = _plan.DimensionColumn >= 0 ? _vectors[_plan.DimensionColumn] : null;
        var dimensionIsString = dimension is not null && _plan.Columns[_plan.DimensionColumn].Kind == ColumnKind.String;
        var measure = _plan.MeasureColumn >= 0 ? _vectors[_plan.MeasureColumn] : null;
        var measureKind = measure is null ? ColumnKind.Int64 : _plan.Columns[_plan.MeasureColumn].Kind;
        var op = _plan.Op;
        var low = _plan.LowDay;
        var high = _plan.HighDay;
        var passes = _filters?.Passes;
        var tracksTotals = _plan.TracksTotals;
        var lastSlot = int.MinValue + 1;
        SlotCells? cells = null;

        for (var row = 0; row < rows; row++)
        {
            var slot = 0;
            if (days is not null)
            {
                var day = days[row];
                if (day == ScanPlan.NoDay ? _plan.HasRange || _plan.Mode == SlotMode.Bucket : day < low || day > high)
                {
                    continue;
                }

                slot = SlotOf(day);
            }

            if (passes is not null && passes[row] == 0)
            {
                continue;
            }

            if (slot != lastSlot || cells is null)
            {
                cells = CellsOf(slot);
                lastSlot = slot;
            }

            var groupIndex = dimension is null ? 0
                : dimension.HasNulls && dimension.Nulls[row] ? 0
                : dimensionIsString ? dimension.Ids[row] + 1
                : DimensionIndex(dimension.Longs[row]);
            if (op == MeasureOp.Count)
            {
                cells.Count(groupIndex);
                continue;
            }

            var accumulator = cells.Get(groupIndex);

            if (measure!.HasNulls && measure.Nulls[row])
            {
                continue;
            }

            if (op == MeasureOp.Distinct && measureKind == ColumnKind.String)
            {
                var id = measure.Ids[row];
                _distinctIds.Add(accumulator, id);
                if (tracksTotals)
                {
                    _distinctIds.Add(cells.Total ??= new Accumulator(), id);
                }
            }
            else if (op == MeasureOp.Distinct)
            {
                var key = DistinctKey(measure, measureKind, row);
                if (key is { } value)
                {
                    accumulator.AddDistinct(value);
                    if (tracksTotals)
                    {
                        (cells.Total ??= new Accumulator()).AddDistinct(value);
                    }
                }
            }
            else if (measureKind == ColumnKind.Double)
            {
                var value = measure.Doubles[row];
                if (!double.IsNaN(value))
                {
                    accumulator.AddReal(value);
                }
            }
            else
            {
                accumulator.AddInteger(measure.Longs[row]);
            }
        }
    }

    /// <summary>NaN is treated as null (JSON has no NaN); -0.0 and 0.0 are one value.</summary>
    private static long? DistinctKey(ColumnVector measure, ColumnKind kind, int row) => kind switch
    {
        ColumnKind.String => measure.Ids[row],
        ColumnKind.Double when double.IsNaN(measure.Doubles[row]) => null,
        ColumnKind.Double => BitConverter.DoubleToInt64Bits(measure.Doubles[row] + 0.0),
        _ => measure.Longs[row],
    };

    private int SlotOf(int day)
    {
        switch (_plan.Mode)
        {
            case SlotMode.Day:
                return day;
            case SlotMode.Period:
                return day == ScanPlan.NoDay || day >= _plan.CurrentFrom ? 0 : 1;
            default:
                if (day != _lastDay)
                {
                    _lastDay = day;
                    _lastBucket = TimeBuckets.Start(_plan.Interval, day);
                }

                return _lastBucket;
        }
    }

    private SlotCells CellsOf(int slot)
    {
        if (!_slots.TryGetValue(slot, out var cells))
        {
            cells = new SlotCells();
            _slots.Add(slot, cells);
        }

        return cells;
    }

    private int DimensionIndex(long value)
    {
        if (!_dimensionIds.TryGetValue(value, out var id))
        {
            id = _dimensionValues.Count;
            _dimensionValues.Add(value);
            _dimensionIds.Add(value, id);
        }

        return id + 1;
    }
}
