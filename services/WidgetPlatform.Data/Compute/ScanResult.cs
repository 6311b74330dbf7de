namespace WidgetPlatform.Data.Compute;

/// <summary>The merged outcome of a scan: per slot, an accumulator per group (and the distinct total when tracked).</summary>
internal sealed class ScanResult
{
    public Dictionary<int, SlotGroups> Slots { get; } = [];

    public long RowsProcessed { get; set; }

    public SlotGroups Slot(int slot)
    {
        if (!Slots.TryGetValue(slot, out var groups))
        {
            groups = new SlotGroups();
            Slots.Add(slot, groups);
        }

        return groups;
    }
}
