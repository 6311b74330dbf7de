namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Which rows of a worker's row group pass one set of filters, computed once for every plan with that set: a pass of many
/// views over few filter variants (the same site across a dozen widgets and date ranges) tests each row once per variant
/// instead of once per view. Like the column vectors, it belongs to one worker and is reused from row group to row group.
/// </summary>
internal sealed class FilterMask(IReadOnlyList<FilterCondition> filters)
{
    /// <summary>Per filter, per interned id of its string column: 0 not yet seen, 1 allowed, -1 not allowed.</summary>
    private readonly sbyte[][] _stringMatches = [.. filters.Select(_ => new sbyte[64])];

    /// <summary>1 for a row that passes every filter, 0 otherwise; valid for the rows of the last <see cref="Compute"/>.</summary>
    public byte[] Passes = [];

    /// <summary>The same filters, in the same order, always name the same set: plans whose keys are equal share one mask.</summary>
    public static string KeyOf(IReadOnlyList<FilterCondition> filters) => string.Join('\u001e', filters.Select(filter => filter.Key));

    public void Compute(int rows, ColumnVector[] vectors, StringInterner?[] interners)
    {
        ColumnVector.Grow(ref Passes, rows);
        Array.Fill(Passes, (byte)1, 0, rows);
        for (var index = 0; index < filters.Count; index++)
        {
            var filter = filters[index];
            var vector = vectors[filter.ColumnIndex];
            for (var row = 0; row < rows; row++)
            {
                if (Passes[row] == 0)
                {
                    continue;
                }

                var allowed = !(vector.HasNulls && vector.Nulls[row])
                    && (filter.Strings is null ? filter.AllowsNumber(vector.Longs[row]) : StringAllowed(index, filter, interners[filter.ColumnIndex]!, vector.Ids[row]));
                if (!allowed)
                {
                    Passes[row] = 0;
                }
            }
        }
    }

    public void Return() => ColumnVector.Release(ref Passes);

    private bool StringAllowed(int filterIndex, FilterCondition filter, StringInterner interner, int id)
    {
        ref var matches = ref _stringMatches[filterIndex];
        if (id >= matches.Length)
        {
            Array.Resize(ref matches, Math.Max(id + 1, matches.Length * 2));
        }

        if (matches[id] == 0)
        {
            matches[id] = filter.Strings!.Contains(interner.Values[id]) ? (sbyte)1 : (sbyte)-1;
        }

        return matches[id] > 0;
    }
}
