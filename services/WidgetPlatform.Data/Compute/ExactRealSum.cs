using System.Numerics;

namespace WidgetPlatform.Data.Compute;

/// <summary>
/// Sums doubles exactly, independent of order: each value becomes an integer count of 2^-64 units (Int128),
/// integer addition is associative, and the total is rounded to a double once at the end. Values are exact down
/// to 2^-64 (finer bits are truncated, the same way for every row); a total beyond ±2^63 overflows with an error
/// rather than a wrong answer.
/// </summary>
public static class ExactRealSum
{
    private const int FractionBits = 64;

    public static Int128 ToFixedPoint(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var biasedExponent = (int)((bits >> 52) & 0x7FF);
        if (biasedExponent == 0x7FF)
        {
            throw new OverflowException($"{value} cannot be summed.");
        }

        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biasedExponent == 0)
        {
            // Subnormals are far below 2^-64.
            return Int128.Zero;
        }

        mantissa |= 1L << 52;
        var shift = biasedExponent - 1075 + FractionBits;
        Int128 magnitude;
        if (shift >= 0)
        {
            if (shift > 126 - 53)
            {
                throw new OverflowException($"{value} is too large to be summed exactly.");
            }

            magnitude = (Int128)mantissa << shift;
        }
        else
        {
            magnitude = shift <= -53 ? Int128.Zero : (Int128)(mantissa >> -shift);
        }

        return bits < 0 ? -magnitude : magnitude;
    }

    /// <summary>Rounded once, correctly: Int128's own conversion to double can be off by an ulp, BigInteger's is not.</summary>
    public static double ToDouble(Int128 fixedPoint) => Math.ScaleB((double)(BigInteger)fixedPoint, -FractionBits);
}
