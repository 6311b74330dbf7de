namespace WidgetPlatform.Data.Compute;

internal sealed class SlotGroups
{
    public Dictionary<GroupKey, Accumulator> Groups { get; } = [];

    public Accumulator? Total { get; set; }

    public Accumulator Group(GroupKey key)
    {
        if (!Groups.TryGetValue(key, out var accumulator))
        {
            accumulator = new Accumulator();
            Groups.Add(key, accumulator);
        }

        return accumulator;
    }
}
