namespace WidgetPlatform.Data.Compute;

/// <summary>The accumulators of one slot, by group id (index 0 holds the null group).</summary>
internal sealed class SlotCells
{
    public Accumulator?[] Groups = new Accumulator?[16];

    public Accumulator? Total;

    public Accumulator Get(int groupIndex)
    {
        if (groupIndex >= Groups.Length)
        {
            Array.Resize(ref Groups, Math.Max(groupIndex + 1, Groups.Length * 2));
        }

        return Groups[groupIndex] ??= new Accumulator();
    }
}
