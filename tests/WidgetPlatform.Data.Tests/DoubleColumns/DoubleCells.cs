using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Data.Tests.DoubleColumns;

internal static class DoubleCells
{
    public static ColumnVector Vector(int rows)
    {
        var vector = new ColumnVector();
        vector.EnsureCapacity(ColumnKind.Double, rows);
        return vector;
    }

    /// <summary>Every row is null exactly where expected, and every other row holds the expected bits (NaN payloads and the sign of zero included).</summary>
    public static void AssertEqual(double?[] expected, ColumnVector vector)
    {
        for (var row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row] is null, vector.HasNulls && vector.Nulls[row]);
            if (expected[row] is { } value)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(vector.Doubles[row]));
            }
        }
    }
}
