namespace WidgetPlatform.Data.Compute;

/// <summary>The accumulators of one slot, by group id (index 0 holds the null group).</summary>
internal sealed class SlotCells
{
    public Accumulator?[] Groups = new Accumulator?[16];

    /// <summary>Rows per group for a count: a plain array is one memory access per row where an accumulator is two.</summary>
    public long[] Counts = new long[16];

    public Accumulator? Total;

    public void Count(int groupIndex)
    {
        if (groupIndex >= Counts.Length)
        {
            Array.Resize(ref Counts, Math.Max(groupIndex + 1, Counts.Length * 2));
        }

        Counts[groupIndex]++;
    }

    public Accumulator Get(int groupIndex)
    {
        if (groupIndex >= Groups.Length)
        {
            Array.Resize(ref Groups, Math.Max(groupIndex + 1, Groups.Length * 2));
        }

        return Groups[groupIndex] ??= new Accumulator();
    }
}
