using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// The mergeable state of one measure over a set of rows. Every state merges exactly, in any order:
/// integer sums are checked longs, real sums are exact fixed-point sums (see <see cref="ExactRealSum"/>), so partials,
/// parallel scans and the order of row groups cannot change a single bit of the answer; extremes and distinct sets are order-free.
/// </summary>
internal sealed class Accumulator
{
    public long Count;
    public long IntegerSum;
    public Int128 RealSum;
    public bool HasExtremes;
    public long MinInteger = long.MaxValue;
    public long MaxInteger = long.MinValue;
    public double MinReal = double.PositiveInfinity;
    public double MaxReal = double.NegativeInfinity;
    public HashSet<long>? Distinct;

    /// <summary>A worker's string ids as a bit set (see <see cref="DistinctIdSets"/>); replaced by <see cref="Distinct"/> before merging.</summary>
    public ulong[]? DistinctIds;

    public void AddInteger(long value)
    {
        Count++;
        IntegerSum = checked(IntegerSum + value);
        HasExtremes = true;
        if (value < MinInteger)
        {
            MinInteger = value;
        }

        if (value > MaxInteger)
        {
            MaxInteger = value;
        }
    }

    public void AddReal(double value)
    {
        Count++;
        RealSum = checked(RealSum + ExactRealSum.ToFixedPoint(value));
        HasExtremes = true;
        if (value < MinReal)
        {
            MinReal = value;
        }

        if (value > MaxReal)
        {
            MaxReal = value;
        }
    }

    public void AddDistinct(long key) => (Distinct ??= []).Add(key);

    public void Merge(Accumulator other)
    {
        Count += other.Count;
        IntegerSum = checked(IntegerSum + other.IntegerSum);
        RealSum = checked(RealSum + other.RealSum);
        HasExtremes |= other.HasExtremes;
        MinInteger = Math.Min(MinInteger, other.MinInteger);
        MaxInteger = Math.Max(MaxInteger, other.MaxInteger);
        MinReal = Math.Min(MinReal, other.MinReal);
        MaxReal = Math.Max(MaxReal, other.MaxReal);
        if (other.Distinct is { } keys)
        {
            (Distinct ??= []).UnionWith(keys);
        }
    }

    /// <summary>The docs/design.md §4 value: over no rows count, sum and distinct are 0, avg, min and max are null.</summary>
    public AggregateValue Value(MeasureOp op, bool integerColumn) => op switch
    {
        MeasureOp.Count => AggregateValue.FromInteger(Count),
        MeasureOp.Distinct => AggregateValue.FromInteger(Distinct?.Count ?? 0),
        MeasureOp.Sum => integerColumn ? AggregateValue.FromInteger(IntegerSum) : AggregateValue.FromReal(ExactRealSum.ToDouble(RealSum)),
        MeasureOp.Avg when Count == 0 => AggregateValue.Null,
        MeasureOp.Avg => AggregateValue.FromReal((integerColumn ? (double)IntegerSum : ExactRealSum.ToDouble(RealSum)) / Count),
        _ when !HasExtremes => AggregateValue.Null,
        MeasureOp.Min => integerColumn ? AggregateValue.FromInteger(MinInteger) : AggregateValue.FromReal(MinReal),
        MeasureOp.Max => integerColumn ? AggregateValue.FromInteger(MaxInteger) : AggregateValue.FromReal(MaxReal),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
