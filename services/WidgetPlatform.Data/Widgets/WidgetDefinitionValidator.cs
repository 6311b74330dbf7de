namespace WidgetPlatform.Data.Widgets;

/// <summary>Checks a definition on its own (no data needed); column types are checked against the data when it is computed.</summary>
public static class WidgetDefinitionValidator
{
    public const int MaxFilterColumns = 10;
    public const int MaxFilterValues = 50;
    public const int MaxFilterValueLength = 256;
    public const int MaxLimit = 10_000;

    public static IReadOnlyList<string> FindErrors(WidgetDefinition definition)
    {
        var errors = new List<string>();
        RequireIdentifier(errors, "widgetId", definition.WidgetId);
        RequireIdentifier(errors, "dataset", definition.Dataset);
        CheckMeasure(errors, definition.Measure);
        CheckShape(errors, definition);
        CheckFilters(errors, definition.Filters, "filters");
        CheckTags(errors, definition.Tags);
        CheckWarmRanges(errors, definition);

        if (definition.Revision < 0)
        {
            errors.Add("revision must not be negative");
        }

        return errors;
    }

    public static void Validate(WidgetDefinition definition)
    {
        var errors = FindErrors(definition);
        if (errors.Count > 0)
        {
            throw new WidgetDefinitionException(definition.WidgetId, errors);
        }
    }

    /// <summary>The limits of docs/design.md §6 on filters, shared by fixed and request filters.</summary>
    public static void CheckFilters(List<string> errors, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters, string name)
    {
        if (filters is null)
        {
            return;
        }

        if (filters.Count > MaxFilterColumns)
        {
            errors.Add($"{name} has {filters.Count} columns; at most {MaxFilterColumns} are allowed");
        }

        foreach (var (column, values) in filters)
        {
            RequireIdentifier(errors, $"{name} column", column);
            if (values is null || values.Count == 0)
            {
                errors.Add($"{name}.{column} needs at least one value");
                continue;
            }

            if (values.Count > MaxFilterValues)
            {
                errors.Add($"{name}.{column} has {values.Count} values; at most {MaxFilterValues} are allowed");
            }

            if (values.Any(value => value is null || value.Length > MaxFilterValueLength))
            {
                errors.Add($"{name}.{column} values must be non-null and at most {MaxFilterValueLength} characters");
            }
        }
    }

    private static void CheckTags(List<string> errors, IReadOnlyList<string>? tags)
    {
        if (tags is not null)
        {
            errors.AddRange(tags.Select((tag, index) => Tag.FindError(tag, $"tags[{index}]")).OfType<string>());
        }
    }

    private static void CheckMeasure(List<string> errors, WidgetMeasure? measure)
    {
        if (measure is null)
        {
            errors.Add("measure is required");
            return;
        }

        if (measure.Op == MeasureOp.Count && measure.Column is not null)
        {
            errors.Add("measure.column must be omitted for count");
        }
        else if (measure.Op != MeasureOp.Count)
        {
            RequireIdentifier(errors, $"measure.column (required for {measure.Op.ToString().ToLowerInvariant()})", measure.Column);
        }
    }

    private static void CheckWarmRanges(List<string> errors, WidgetDefinition definition)
    {
        if (definition.WarmRanges is not { Count: > 0 } ranges)
        {
            return;
        }

        if (definition.TimeColumn is null)
        {
            errors.Add("warmRanges need a timeColumn: a range is a span of it");
        }

        foreach (var range in ranges.Where(range => !Compute.NamedRange.IsKnown(range)))
        {
            errors.Add($"warmRanges: {Compute.NamedRange.NotKnown(range)}");
        }
    }

    private static void CheckShape(List<string> errors, WidgetDefinition definition)
    {
        var grouped = definition.Type is WidgetType.Breakdown or WidgetType.Table;
        if (grouped)
        {
            RequireIdentifier(errors, "dimension (required for breakdown and table)", definition.Dimension);
        }
        else if (definition.Dimension is not null)
        {
            errors.Add("dimension is only allowed for breakdown and table");
        }

        if (definition.TimeColumn is not null)
        {
            RequireIdentifier(errors, "timeColumn", definition.TimeColumn);
        }

        if (definition.Type == WidgetType.Timeseries)
        {
            if (definition.TimeColumn is null)
            {
                errors.Add("timeColumn is required for timeseries");
            }

            if (definition.Interval is null)
            {
                errors.Add("interval (day, week or month) is required for timeseries");
            }
        }
        else if (definition.Interval is not null)
        {
            errors.Add("interval is only allowed for timeseries");
        }

        if (definition.Comparison is not null && definition.Type != WidgetType.Metric)
        {
            errors.Add("comparison is only allowed for metric");
        }

        if (definition.Comparison == ComparisonMode.PreviousPeriod && definition.TimeColumn is null)
        {
            errors.Add("comparison previousPeriod needs a timeColumn");
        }

        if (definition.Type == WidgetType.Table)
        {
            if (definition.Limit is not (>= 1 and <= MaxLimit))
            {
                errors.Add($"limit between 1 and {MaxLimit} is required for table");
            }
        }
        else if (definition.Limit is not null)
        {
            errors.Add("limit is only allowed for table");
        }
    }

    private static void RequireIdentifier(List<string> errors, string name, string? value)
    {
        if (value is null)
        {
            errors.Add($"{name} is required");
        }
        else if (!Identifier.IsValid(value))
        {
            errors.Add($"{name} '{value}' must match ^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$");
        }
    }
}
