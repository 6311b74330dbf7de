using Microsoft.Win32.SafeHandles;
using Parquet;
using Parquet.Schema;

namespace WidgetPlatform.Data.Compute.Plain;

/// <summary>
/// PLAIN-encoded INT64 chunks — integers, and timestamps in milli-, micro- or nanoseconds since 1970 — straight into a vector's
/// longs (<see cref="PlainChunkReader"/>), a timestamp as the <see cref="DateTime.Ticks"/> Parquet.Net would give it.
/// Parquet.Net's path decompressed each page into a growing MemoryStream and copied it again: about 6 MB of large-object
/// garbage per 100,000 timestamps, which made the upload check the gateway's main source of gen2 collections.
/// </summary>
internal static class PlainInt64Reader
{
    private static readonly PlainPagePlacer PlaceIntegers = (values, levels, first, count, present, target) =>
        Place(values, levels, first, count, present, target, default(AsStored));

    private static readonly PlainPagePlacer PlaceMillis = (values, levels, first, count, present, target) =>
        Place(values, levels, first, count, present, target, new Ticks(TimeSpan.TicksPerMillisecond, 1));

    private static readonly PlainPagePlacer PlaceMicros = (values, levels, first, count, present, target) =>
        Place(values, levels, first, count, present, target, new Ticks(TimeSpan.TicksPerMicrosecond, 1));

    private static readonly PlainPagePlacer PlaceNanos = (values, levels, first, count, present, target) =>
        Place(values, levels, first, count, present, target, new Ticks(1, TimeSpan.NanosecondsPerTick));

    /// <param name="timestamp">The column is a timestamp: its values become ticks. An INT96 (Impala) column is left to Parquet.Net.</param>
    /// <inheritdoc cref="PlainChunkReader.TryRead"/>
    public static bool TryRead(SafeFileHandle file, ParquetRowGroupReader rowGroup, DataField field, int rows, ColumnVector target, bool timestamp)
    {
        var place = !timestamp ? PlaceIntegers
            : field is not DateTimeDataField { DateTimeFormat: not DateTimeFormat.Impala } dateTime ? null
            : dateTime.Unit switch
            {
                DateTimeTimeUnit.Millis => PlaceMillis,
                DateTimeTimeUnit.Micros => PlaceMicros,
                DateTimeTimeUnit.Nanos => PlaceNanos,
                _ => null,
            };
        return place is not null && PlainChunkReader.TryRead(file, rowGroup, field, rows, target, Parquet.Meta.Type.INT64, place);
    }

    private static void Place<TMap>(ReadOnlySpan<byte> values, ReadOnlySpan<int> levels, int first, int count, int present, ColumnVector target, TMap map)
        where TMap : struct, ICellMap<long, long> =>
        PageCells.Place(PlainChunkReader.Values<long>(values, present), levels, target.Longs.AsSpan(first, count), target.Nulls.AsSpan(first, count), map);

    private readonly struct AsStored : ICellMap<long, long>
    {
        public long Null => 0;

        public long Cell(long value) => value;
    }

    /// <summary>A count of units since 1970 as ticks: times <paramref name="perUnit"/>, divided by <paramref name="unitsPerTick"/>.</summary>
    private readonly struct Ticks(long perUnit, long unitsPerTick) : ICellMap<long, long>
    {
        public long Null => 0;

        public long Cell(long value)
        {
            // Checked, and then bounded: a value no DateTime can hold makes the chunk unreadable, as it does for Parquet.Net.
            try
            {
                var ticks = checked(DateTime.UnixEpoch.Ticks + (value * perUnit / unitsPerTick));
                return ticks >= 0 && ticks <= DateTime.MaxValue.Ticks ? ticks : throw new OverflowException();
            }
            catch (OverflowException)
            {
                throw new InvalidDataException($"A timestamp ({value}) lies outside the years 1 to 9999.");
            }
        }
    }
}
