namespace WidgetPlatform.Data.Compute;

/// <summary>
/// One column of one row group, one slot per row, reused from row group to row group.
/// Strings become interned ids (-1 for null); integers, booleans (0/1), dates (day number) and timestamps (ticks) become longs.
/// </summary>
internal sealed class ColumnVector
{
    public int[] Ids = [];
    public long[] Longs = [];
    public double[] Doubles = [];
    public bool[] Nulls = [];

    /// <summary>False when the row group has no nulls in this column, so <see cref="Nulls"/> need not be consulted.</summary>
    public bool HasNulls;

    public void EnsureCapacity(ColumnKind kind, int rows)
    {
        if (Nulls.Length < rows)
        {
            Nulls = new bool[rows];
        }

        switch (kind)
        {
            case ColumnKind.String when Ids.Length < rows:
                Ids = new int[rows];
                break;
            case ColumnKind.Double when Doubles.Length < rows:
                Doubles = new double[rows];
                break;
            case not (ColumnKind.String or ColumnKind.Double) when Longs.Length < rows:
                Longs = new long[rows];
                break;
            default:
                break;
        }
    }
}
