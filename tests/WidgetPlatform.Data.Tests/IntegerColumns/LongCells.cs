using Parquet;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Data.Tests.IntegerColumns;

/// <summary>What the tests of columns read into a vector's longs share: the file layouts, fresh vectors, and the comparison.</summary>
internal static class LongCells
{
    /// <summary>Nullable or not, by every codec the direct readers handle, and by one they leave to Parquet.Net (Gzip).</summary>
    public static TheoryData<bool, CompressionMethod> Layouts => new()
    {
        { true, CompressionMethod.Snappy }, { true, CompressionMethod.None }, { true, CompressionMethod.Gzip },
        { false, CompressionMethod.Snappy }, { false, CompressionMethod.None },
    };

    public static ColumnVector Vector(ColumnKind kind, int rows)
    {
        var vector = new ColumnVector();
        vector.EnsureCapacity(kind, rows);
        return vector;
    }

    /// <summary>The direct read has nulls in the same rows as Parquet.Net's, and the same longs in every other row.</summary>
    public static void AssertSame(ColumnVector library, ColumnVector direct, int rows)
    {
        Assert.Equal(library.HasNulls, direct.HasNulls);
        for (var row = 0; row < rows; row++)
        {
            // Without nulls in the chunk, the null flags are not written (the vectors are pooled).
            var isNull = library.HasNulls && library.Nulls[row];
            Assert.Equal(isNull, direct.HasNulls && direct.Nulls[row]);
            if (!isNull)
            {
                Assert.Equal(library.Longs[row], direct.Longs[row]);
            }
        }
    }
}
