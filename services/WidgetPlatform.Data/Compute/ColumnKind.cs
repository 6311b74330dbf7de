namespace WidgetPlatform.Data.Compute;

/// <summary>The column types a widget can use (docs/design.md §4).</summary>
#pragma warning disable CA1720 // the members are the contract's column type names (docs/design.md §4).
public enum ColumnKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Date,
    Timestamp,
}
#pragma warning restore CA1720
