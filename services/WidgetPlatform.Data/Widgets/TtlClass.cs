namespace WidgetPlatform.Data.Widgets;

#pragma warning disable CA1720 // "short" and "long" are the contract's names for these classes (docs/design.md §4).
public enum TtlClass
{
    Realtime,
    Short,
    Medium,
    Long,
    Daily,
}
#pragma warning restore CA1720
