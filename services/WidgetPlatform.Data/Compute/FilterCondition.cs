using System.Globalization;

namespace WidgetPlatform.Data.Compute;

/// <summary>An IN filter on one column; values are parsed once into the column's own representation.</summary>
internal sealed class FilterCondition
{
    private readonly long _onlyNumber;
    private readonly bool _oneNumber;

    private FilterCondition(int columnIndex, HashSet<string>? strings, HashSet<long>? numbers)
    {
        ColumnIndex = columnIndex;
        Strings = strings;
        Numbers = numbers;
        if (numbers is { Count: 1 })
        {
            _oneNumber = true;
            _onlyNumber = numbers.First();
        }

        var values = strings is not null
            ? string.Join('\u001f', strings.Order(StringComparer.Ordinal))
            : string.Join(',', numbers!.Order());
        Key = $"{columnIndex}{(strings is null ? '#' : '=')}{values}";
    }

    /// <summary>The column and the allowed values, canonical: equal keys are the same condition (see <see cref="FilterMask"/>).</summary>
    public string Key { get; }

    public int ColumnIndex { get; }

    /// <summary>Allowed values of a string column.</summary>
    public HashSet<string>? Strings { get; }

    /// <summary>Allowed values of an integer, boolean (0/1) or date (day number) column.</summary>
    public HashSet<long>? Numbers { get; }

    /// <summary>
    /// Whether an integer, boolean or date value is allowed. Called per row and plan: a filter on one value (a flag, most
    /// often) compares instead of hashing, which made a pass of 1,000 views spend most of a widget's time on the hash.
    /// </summary>
    public bool AllowsNumber(long value) => _oneNumber ? value == _onlyNumber : Numbers!.Contains(value);

    public static FilterCondition Create(int columnIndex, string column, ColumnKind kind, IReadOnlyList<string> values)
    {
        if (kind == ColumnKind.String)
        {
            return new FilterCondition(columnIndex, new HashSet<string>(values, StringComparer.Ordinal), null);
        }

        var numbers = new HashSet<long>();
        foreach (var value in values)
        {
            numbers.Add(Parse(column, kind, value));
        }

        return new FilterCondition(columnIndex, null, numbers);
    }

    private static long Parse(string column, ColumnKind kind, string value)
    {
        switch (kind)
        {
            case ColumnKind.Int32 or ColumnKind.Int64 when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number;
            case ColumnKind.Boolean when bool.TryParse(value, out var flag):
                return flag ? 1 : 0;
            case ColumnKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return date.DayNumber;
            default:
                throw new WidgetQueryException($"Filter value '{value}' is not a valid {ColumnKinds.Name(kind)} for column '{column}'.");
        }
    }
}
