namespace WidgetPlatform.Data.Compute;

/// <summary>docs/design.md §4 order: value descending (null values after numbers), then key ascending, the null key last.</summary>
internal sealed class BucketOrder : IComparer<ResultBucket>
{
    public static BucketOrder Instance { get; } = new();

    public int Compare(ResultBucket? x, ResultBucket? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : 1) : -1;
        }

        if ((x.Key is null) != (y.Key is null))
        {
            return x.Key is null ? 1 : -1;
        }

        var byValue = CompareValuesDescending(x.Value, y.Value);
        return byValue != 0 ? byValue : CompareKeys(x.Key, y.Key);
    }

    private static int CompareValuesDescending(AggregateValue x, AggregateValue y)
    {
        if (!x.HasValue || !y.HasValue)
        {
            return x.HasValue == y.HasValue ? 0 : x.HasValue ? -1 : 1;
        }

        return x.IsInteger && y.IsInteger ? y.IntegerValue.CompareTo(x.IntegerValue) : y.ToDouble().CompareTo(x.ToDouble());
    }

    private static int CompareKeys(object? x, object? y) => (x, y) switch
    {
        (string left, string right) => string.CompareOrdinal(left, right),
        (IComparable left, _) => left.CompareTo(y),
        _ => 0,
    };
}
