using System.Text.Json.Serialization;

namespace WidgetPlatform.Data.Compute;

/// <summary>A measure's value: null, an exact integer (counts, integer sums and extremes) or a real number.</summary>
[JsonConverter(typeof(AggregateValueJsonConverter))]
public readonly record struct AggregateValue
{
    private AggregateValue(bool isInteger, long integer, double real)
    {
        HasValue = true;
        IsInteger = isInteger;
        IntegerValue = integer;
        RealValue = real;
    }

    public static AggregateValue Null => default;

    public bool HasValue { get; }

    public bool IsInteger { get; }

    public long IntegerValue { get; }

    public double RealValue { get; }

    public static AggregateValue FromInteger(long value) => new(true, value, value);

    public static AggregateValue FromReal(double value) => new(false, 0, value);

    public double ToDouble() => IsInteger ? IntegerValue : RealValue;

    public static AggregateValue Subtract(AggregateValue left, AggregateValue right) =>
        !left.HasValue || !right.HasValue ? Null
        : left.IsInteger && right.IsInteger ? FromInteger(left.IntegerValue - right.IntegerValue)
        : FromReal(left.ToDouble() - right.ToDouble());

    public override string ToString() =>
        !HasValue ? "null" : IsInteger ? IntegerValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : RealValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
