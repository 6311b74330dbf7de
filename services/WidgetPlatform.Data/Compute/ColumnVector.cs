using System.Buffers;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// One column of one row group, one slot per row, reused from row group to row group.
/// Strings become interned ids (-1 for null); integers, booleans (0/1), dates (day number) and timestamps (ticks) become longs.
/// The arrays are rented: a row group's worth of fresh memory per column per query showed up as page faults,
/// and every cell is written before it is read, so pooled contents need no clearing.
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
        Grow(ref Nulls, rows);
        switch (kind)
        {
            case ColumnKind.String:
                Grow(ref Ids, rows);
                break;
            case ColumnKind.Double:
                Grow(ref Doubles, rows);
                break;
            default:
                Grow(ref Longs, rows);
                break;
        }
    }

    /// <summary>Gives the arrays back to the pool; the vector must not be used afterwards.</summary>
    public void Return()
    {
        Release(ref Ids);
        Release(ref Longs);
        Release(ref Doubles);
        Release(ref Nulls);
    }

    public static void Grow<T>(ref T[] array, int rows)
    {
        if (array.Length < rows)
        {
            Release(ref array);
            array = ArrayPool<T>.Shared.Rent(rows);
        }
    }

    public static void Release<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = [];
    }
}
