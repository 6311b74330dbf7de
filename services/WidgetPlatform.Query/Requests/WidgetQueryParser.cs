using System.Globalization;
using Microsoft.Extensions.Primitives;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Query.Requests;

/// <summary>
/// Reads <c>from</c>, <c>to</c> and the repeated <c>f.{column}</c> parameters of a data request (docs/design.md §6), or the same
/// fields of a dashboard item, enforcing the limits before anything is looked up.
/// </summary>
public static class WidgetQueryParser
{
    private const string FilterPrefix = "f.";

    /// <summary>The data version a request wants its answer from (docs/design.md §6); not part of the query itself.</summary>
    public const string DataVersionParameter = "v";

    /// <summary>The <c>v</c> of the request, or null when it names none; one value, at most 256 characters.</summary>
    public static string? WantedVersion(IQueryCollection query)
    {
        var values = query[DataVersionParameter];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || string.IsNullOrEmpty(values[0]) || values[0]!.Length > RequestLimits.ValueLength)
        {
            throw RequestValidationException.For(
                DataVersionParameter, $"'v' names one data version (as in metadata.dataVersion), at most {RequestLimits.ValueLength} characters.");
        }

        return values[0];
    }

    /// <summary>The admin's switch that recomputes the answer past every cache layer (docs/cache.md, "Entry-level control").</summary>
    public const string SkipCacheParameter = "skipCache";

    /// <summary>Whether the request sets <c>skipCache</c>: <c>true</c> or <c>1</c>; <c>false</c>, <c>0</c> or absent is no.</summary>
    public static bool SkipCache(IQueryCollection query)
    {
        var values = query[SkipCacheParameter];
        return values.Count switch
        {
            0 => false,
            1 when values[0] is "true" or "1" => true,
            1 when values[0] is "false" or "0" => false,
            _ => throw RequestValidationException.For(SkipCacheParameter, "'skipCache' is true, false, 1 or 0, given once."),
        };
    }

    public static WidgetQuery FromQueryString(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (name.StartsWith(FilterPrefix, StringComparison.Ordinal))
            {
                filters[name[FilterPrefix.Length..]] = [.. values.OfType<string>()];
            }
            else if (name is not ("from" or "to" or DataVersionParameter or SkipCacheParameter))
            {
                errors[name] = [$"Unknown parameter '{name}': expected from, to, v, skipCache or f.{{column}}."];
            }
        }

        return Build(Date(query["from"], "from", errors), Date(query["to"], "to", errors), filters, errors, field: "f.");
    }

    public static WidgetQuery FromFields(string? from, string? to, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters, string field)
    {
        var errors = new Dictionary<string, string[]>();
        return Build(
            Date(from, $"{field}from", errors),
            Date(to, $"{field}to", errors),
            filters ?? new Dictionary<string, IReadOnlyList<string>>(),
            errors,
            $"{field}filters.");
    }

    private static WidgetQuery Build(
        DateOnly? from, DateOnly? to, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, Dictionary<string, string[]> errors, string field)
    {
        if (from > to)
        {
            errors["from"] = [$"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd})."];
        }

        if (filters.Count > RequestLimits.FilterColumns)
        {
            errors[field] = [$"At most {RequestLimits.FilterColumns} filter columns are allowed; got {filters.Count}."];
        }

        foreach (var (column, values) in filters)
        {
            var problem = FilterProblem(column, values);
            if (problem is not null)
            {
                errors[field + column] = [problem];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return new WidgetQuery { From = from, To = to, Filters = filters };
    }

    private static string? FilterProblem(string column, IReadOnlyList<string> values)
    {
        if (!Identifier.IsValid(column))
        {
            return $"'{column}' is not a column name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64.";
        }

        if (values.Count == 0)
        {
            return "A filter needs at least one value.";
        }

        if (values.Count > RequestLimits.ValuesPerColumn)
        {
            return $"At most {RequestLimits.ValuesPerColumn} values per column are allowed; got {values.Count}.";
        }

        if (values.Any(string.IsNullOrEmpty))
        {
            return "A filter value may not be empty.";
        }

        return values.Any(value => value.Length > RequestLimits.ValueLength)
            ? $"Filter values are at most {RequestLimits.ValueLength} characters."
            : null;
    }

    private static DateOnly? Date(StringValues values, string field, Dictionary<string, string[]> errors) =>
        values.Count switch
        {
            0 => null,
            1 => Date(values[0], field, errors),
            _ => Fail(errors, field, $"'{field}' may be given once."),
        };

    private static DateOnly? Date(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Fail(errors, field, $"'{value}' is not a date (YYYY-MM-DD).");
    }

    private static DateOnly? Fail(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}
