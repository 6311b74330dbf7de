using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>
/// PLAIN-encoded INT32 chunks — integers, and dates (days since 1970-01-01) — straight into a vector's longs
/// (<see cref="PlainChunkReader"/>): the date column is read by every widget with a time column, and Parquet.Net's path
/// went through a DateOnly per value.
/// </summary>
internal static class PlainInt32Reader
{
    /// <summary>What <see cref="ColumnDecoder"/> stores for a date: <see cref="DateOnly.DayNumber"/>, days since 0001-01-01.</summary>
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static readonly PlainPagePlacer PlaceIntegers = (values, levels, first, count, present, target) =>
        Place(values, levels, first, count, present, target, new Shifted(0));

    private static readonly PlainPagePlacer PlaceDates = (values, levels, first, count, present, target) =>
        Place(values, levels, first, count, present, target, new Shifted(UnixEpochDay));

    /// <param name="dates">The column is a DATE: its values become day numbers.</param>
    /// <inheritdoc cref="PlainChunkReader.TryRead"/>
    public static bool TryRead(SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target, bool dates) =>
        PlainChunkReader.TryRead(file, rowGroup, field, rows, target, Parquet.Meta.Type.INT32, dates ? PlaceDates : PlaceIntegers);

    private static void Place(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, ColumnVector target, Shifted map) =>
        PageCells.Place(PlainChunkReader.Values<int>(values, present), levels, target.Longs.AsSpan(first, count), target.Nulls.AsSpan(first, count), map);

    private readonly struct Shifted(long offset) : ICellMap<int, long>
    {
        public long Null => 0;

        public long Cell(int value) => value + offset;
    }
}
