using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>
/// PLAIN-encoded DOUBLE chunks straight into a vector's doubles, bit for bit (<see cref="PlainChunkReader"/>): Parquet.Net's
/// own path made double measures several times slower than the other columns.
/// </summary>
internal static class PlainDoubleReader
{
    /// <inheritdoc cref="PlainChunkReader.TryRead"/>
    public static bool TryRead(SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target) =>
        PlainChunkReader.TryRead(file, rowGroup, field, rows, target, Parquet.Meta.Type.DOUBLE, Place);

    /// <inheritdoc cref="PlainChunkReader.Read"/>
    public static bool Read(ReadOnlySpan<byte> chunk, CompressionCodec codec, bool nullable, int rows, ColumnVector target) =>
        PlainChunkReader.Read(chunk, codec, nullable, rows, target, Place);

    private static void Place(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, ColumnVector target) =>
        PageCells.Place(PlainChunkReader.Values<double>(values, present), levels, target.Doubles.AsSpan(first, count), target.Nulls.AsSpan(first, count), default(AsStored));

    private readonly struct AsStored : ICellMap<double, double>
    {
        public double Null => 0;

        public double Cell(double value) => value;
    }
}
