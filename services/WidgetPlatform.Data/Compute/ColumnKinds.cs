using Parquet.Schema;

namespace WidgetPlatform.Data.Compute;

internal static class ColumnKinds
{
    /// <summary>The kind of a Parquet field, or null when widgets cannot use it (lists, floats, decimals, binary).</summary>
    public static ColumnKind? Of(DataField field)
    {
        if (field.IsArray)
        {
            return null;
        }

        var type = field.ClrType;
        return type == typeof(ReadOnlyMemory<char>) || type == typeof(string) ? ColumnKind.String
            : type == typeof(int) ? ColumnKind.Int32
            : type == typeof(long) ? ColumnKind.Int64
            : type == typeof(double) ? ColumnKind.Double
            : type == typeof(bool) ? ColumnKind.Boolean
            : type == typeof(DateOnly) ? ColumnKind.Date
            : type == typeof(DateTime) ? ColumnKind.Timestamp
            : null;
    }

    public static bool IsInteger(ColumnKind kind) => kind is ColumnKind.Int32 or ColumnKind.Int64;

    public static bool IsNumeric(ColumnKind kind) => kind is ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Double;

    public static bool IsFilterable(ColumnKind kind) => kind is not (ColumnKind.Double or ColumnKind.Timestamp);

    public static string Name(ColumnKind kind) => kind.ToString().ToLowerInvariant();
}
