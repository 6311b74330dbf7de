namespace WidgetPlatform.Data.Tests.Oracle;

/// <summary>One row of the randomised test table, held in plain CLR values for the LINQ oracle.</summary>
public sealed record OracleRow(
    string? Cat,
    string? Name,
    int? I32,
    long I64,
    double? Dbl,
    bool? Flag,
    DateOnly? Day,
    DateTime? Ts)
{
    public object? Get(string column) => column switch
    {
        "cat" => Cat,
        "name" => Name,
        "i32" => I32,
        "i64" => I64,
        "dbl" => Dbl,
        "flag" => Flag,
        "day" => Day,
        "ts" => Ts,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}
