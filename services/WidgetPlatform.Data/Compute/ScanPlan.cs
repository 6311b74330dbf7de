using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>What one scan reads and how each row is placed: checked against the dataset's columns before any row is read.</summary>
internal sealed class ScanPlan
{
    public const int NoDay = int.MinValue;

    private readonly List<PlannedColumn> _columns;

    private ScanPlan(MeasureOp op, SlotMode mode, List<PlannedColumn> columns)
    {
        Op = op;
        Mode = mode;
        _columns = columns;
    }

    public IReadOnlyList<PlannedColumn> Columns => _columns;

    public MeasureOp Op { get; }

    public SlotMode Mode { get; }

    public int TimeColumn { get; private set; } = -1;

    public int DimensionColumn { get; private set; } = -1;

    public int MeasureColumn { get; private set; } = -1;

    public bool IntegerMeasure { get; private set; }

    public IReadOnlyList<FilterCondition> Filters { get; private set; } = [];

    /// <summary>Inclusive day-number bounds rows must fall in; <see cref="int.MinValue"/>/<see cref="int.MaxValue"/> when unbounded.</summary>
    public int LowDay { get; private set; } = int.MinValue;

    public int HighDay { get; private set; } = int.MaxValue;

    public bool HasRange => LowDay != int.MinValue;

    /// <summary>In <see cref="SlotMode.Period"/> with a comparison: rows before this day belong to the previous period.</summary>
    public int CurrentFrom { get; private set; } = int.MinValue;

    public TimeInterval Interval { get; private set; }

    /// <summary>Distinct totals cannot be derived from the groups, so the scan keeps them per slot.</summary>
    public bool TracksTotals => DimensionColumn >= 0 && Op == MeasureOp.Distinct;

    public static bool ComparesPreviousPeriod(WidgetDefinition definition, WidgetQuery query) =>
        definition.Type == WidgetType.Metric && definition.Comparison == ComparisonMode.PreviousPeriod && query.From is not null && query.To is not null;

    /// <summary>
    /// Plans a scan. <paramref name="forPartials"/> plans the daily partials: every day, no range, no comparison,
    /// grouped by the dimension, so that any range of the same widget and filters can be answered from it.
    /// Plans of one pass share <paramref name="sharedColumns"/>, so a column several of them read is decoded once.
    /// </summary>
    public static ScanPlan Create(
        WidgetDefinition definition, WidgetQuery query, IReadOnlyDictionary<string, ColumnKind> schema, string schemaFile, bool forPartials,
        List<PlannedColumn>? sharedColumns = null)
    {
        if (query.From is { } from && query.To is { } to && from > to)
        {
            throw new WidgetQueryException($"from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}.");
        }

        if ((query.From is not null || query.To is not null) && definition.TimeColumn is null)
        {
            throw new WidgetQueryException($"Widget '{definition.WidgetId}' has no timeColumn, so from/to cannot be applied.");
        }

        var mode = forPartials ? SlotMode.Day : definition.Type == WidgetType.Timeseries ? SlotMode.Bucket : SlotMode.Period;
        var plan = new ScanPlan(definition.Measure.Op, mode, sharedColumns ?? []) { Interval = definition.Interval ?? TimeInterval.Day };
        var lookup = new ColumnLookup(schema, schemaFile, plan._columns);

        var needsTime = mode != SlotMode.Period || query.From is not null || query.To is not null;
        if (definition.TimeColumn is not null && needsTime)
        {
            plan.TimeColumn = lookup.Require(definition.TimeColumn, "timeColumn", kind => kind is ColumnKind.Date or ColumnKind.Timestamp, "date or timestamp");
        }

        if (definition.Dimension is not null)
        {
            plan.DimensionColumn = lookup.Require(definition.Dimension, "dimension", ColumnKinds.IsFilterable, "string, integer, boolean or date");
        }

        if (definition.Measure.Column is { } measureColumn)
        {
            plan.MeasureColumn = definition.Measure.Op == MeasureOp.Distinct
                ? lookup.Require(measureColumn, "measure.column", _ => true, "any")
                : lookup.Require(measureColumn, "measure.column", ColumnKinds.IsNumeric, "int32, int64 or double");
            plan.IntegerMeasure = ColumnKinds.IsInteger(schema[measureColumn]);
        }
        else
        {
            plan.IntegerMeasure = true;
        }

        plan.Filters = [.. MergedFilters(definition, query).Select(filter =>
        {
            var index = lookup.Require(filter.Key, "filter", ColumnKinds.IsFilterable, "string, integer, boolean or date");
            return FilterCondition.Create(index, filter.Key, plan._columns[index].Kind, filter.Value);
        })];

        if (!forPartials && (query.From is not null || query.To is not null))
        {
            plan.LowDay = query.From?.DayNumber ?? int.MinValue + 1;
            plan.HighDay = query.To?.DayNumber ?? int.MaxValue;
            if (ComparesPreviousPeriod(definition, query))
            {
                var length = plan.HighDay - plan.LowDay + 1;
                plan.CurrentFrom = plan.LowDay;
                plan.LowDay -= length;
            }
        }

        return plan;
    }

    /// <summary>The widget's fixed filters and the request's, ANDed: a column named by both must satisfy both.</summary>
    public static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> MergedFilters(WidgetDefinition definition, WidgetQuery query) =>
        (definition.Filters ?? new Dictionary<string, IReadOnlyList<string>>()).Concat(query.Filters);

    private sealed class ColumnLookup(IReadOnlyDictionary<string, ColumnKind> schema, string schemaFile, List<PlannedColumn> columns)
    {
        public int Require(string name, string role, Func<ColumnKind, bool> allowed, string expected)
        {
            if (!schema.TryGetValue(name, out var kind))
            {
                throw new WidgetQueryException($"Unknown column '{name}' ({role}): the dataset has no column of that name and a supported type (file '{schemaFile}').");
            }

            if (!allowed(kind))
            {
                throw new WidgetQueryException($"Column '{name}' is {ColumnKinds.Name(kind)}, but {role} needs {expected} (file '{schemaFile}').");
            }

            var index = columns.FindIndex(column => column.Name == name);
            if (index < 0)
            {
                index = columns.Count;
                columns.Add(new PlannedColumn(name, kind));
            }

            return index;
        }
    }
}
