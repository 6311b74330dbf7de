namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>How a page reader turns one stored value into a vector's cell, and what a null row's cell holds.</summary>
/// <remarks>Implemented by structs, so that <see cref="PageCells.Place"/> is compiled once per reader with the mapping inlined.</remarks>
internal interface ICellMap<TValue, TCell>
{
    TCell Null { get; }

    TCell Cell(TValue value);
}

/// <summary>Spreads a page's present values over its rows, the rows whose definition level is 0 marked null.</summary>
internal static class PageCells
{
    /// <param name="values">The page's values, one per row that is not null, in row order.</param>
    /// <param name="levels">The page's definition levels, one per row; not read when every row has a value.</param>
    /// <param name="cells">The page's rows in the vector.</param>
    /// <param name="nulls">The same rows' null flags.</param>
    public static void Place<TValue, TCell, TMap>(ReadOnlySpan<TValue> values, ReadOnlySpan<int> levels, Span<TCell> cells, Span<bool> nulls, TMap map)
        where TMap : struct, ICellMap<TValue, TCell>
    {
        if (values.Length == cells.Length)
        {
            for (var index = 0; index < cells.Length; index++)
            {
                cells[index] = map.Cell(values[index]);
            }

            nulls.Clear();
            return;
        }

        var next = 0;
        for (var index = 0; index < cells.Length; index++)
        {
            var isNull = levels[index] == 0;
            nulls[index] = isNull;
            cells[index] = isNull ? map.Null : map.Cell(values[next++]);
        }
    }
}
