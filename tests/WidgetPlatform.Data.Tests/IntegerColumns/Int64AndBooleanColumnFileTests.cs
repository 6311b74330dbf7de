using Parquet;
using Parquet.Schema;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Compute.Plain;

namespace WidgetPlatform.Data.Tests.IntegerColumns;

/// <summary>
/// INT64 columns — integers, and timestamps in each unit Parquet has — and BOOLEAN columns are read straight from plain pages
/// when the file allows it, through Parquet.Net otherwise: both store the same values (a timestamp as its ticks, a boolean
/// as 0/1), nulls in the same rows, over row groups of every size.
/// </summary>
public sealed class Int64AndBooleanColumnFileTests : IDisposable
{
    private static readonly int[] RowGroupSizes = [1, 700, 3_000, 17];
    private static readonly DateTime FirstInstant = new(1901, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private static readonly (DataField Field, ColumnKind Kind)[] Columns =
    [
        (new DataField<long?>("total"), ColumnKind.Int64),
        (new DateTimeDataField("at_ms", DateTimeFormat.DateAndTime, isNullable: true), ColumnKind.Timestamp),
        (new DateTimeDataField("at_us", DateTimeFormat.DateAndTimeMicros, isNullable: true), ColumnKind.Timestamp),
        (new DateTimeDataField("at_ns", DateTimeFormat.Timestamp, unit: DateTimeTimeUnit.Nanos, isNullable: true), ColumnKind.Timestamp),
        (new DataField<bool?>("flag"), ColumnKind.Boolean),
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wp-int64-{Guid.NewGuid():N}");

    public Int64AndBooleanColumnFileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(LongCells.Layouts), MemberType = typeof(LongCells))]
    public async Task DirectReadsOfIntegersTimestampsAndBooleansEqualParquetNets(bool withNulls, CompressionMethod compression)
    {
        var file = await WriteAsync(withNulls, compression);

        await using var reader = await ParquetReader.CreateAsync(file, ParquetFiles.ReadOptions, TestContext.Token);
        using var handle = File.OpenHandle(file);
        var checkedRows = 0;
        foreach (var (written, kind) in Columns)
        {
            var field = reader.Schema.DataFields.Single(candidate => candidate.Name == written.Name);
            Assert.Equal(kind, ColumnKinds.Of(field));
            for (var index = 0; index < reader.RowGroupCount; index++)
            {
                var rowGroup = reader.OpenRowGroupReader(index);
                var rows = (int)rowGroup.RowCount;
                var direct = LongCells.Vector(kind, rows);
                var library = LongCells.Vector(kind, rows);

                var handled = kind == ColumnKind.Boolean
                    ? PlainBooleanReader.TryRead(handle, rowGroup, field, rows, direct)
                    : PlainInt64Reader.TryRead(handle, rowGroup, field, rows, direct, timestamp: kind == ColumnKind.Timestamp);
                await ColumnDecoder.DecodeAsync(rowGroup, field, kind, rows, library, null, null, TestContext.Token);

                Assert.Equal(compression != CompressionMethod.Gzip, handled);
                if (handled)
                {
                    LongCells.AssertSame(library, direct, rows);
                    checkedRows += rows;
                }
            }
        }

        Assert.Equal(compression == CompressionMethod.Gzip ? 0 : Columns.Length * RowGroupSizes.Sum(), checkedRows);
    }

    /// <summary>
    /// Extremes and ordinary integers, instants before and after 1970 at sub-millisecond precision, alternating booleans;
    /// with nulls, every seventh row of each column null. PLAIN-encoded: the writer's default for these types.
    /// </summary>
    private async Task<string> WriteAsync(bool withNulls, CompressionMethod compression)
    {
        var path = Path.Combine(_directory, $"{withNulls}-{compression}.parquet");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(
            new ParquetSchema(Columns.Select(column => (Field)column.Field).ToArray()), stream, new ParquetOptions { CompressionMethod = compression },
            cancellationToken: TestContext.Token);
        long[] extremes = [long.MinValue, long.MaxValue, 0, -1];
        var first = 0;
        foreach (var size in RowGroupSizes)
        {
            var rows = Enumerable.Range(first, size).ToArray();
            bool Null(int row, int column) => withNulls && row % 7 == column;
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync<long>(Columns[0].Field, rows.Select(row =>
                Null(row, 0) ? (long?)null : row < extremes.Length ? extremes[row] : (row * 7_919_000_003L) - 1_000_000).ToArray().AsMemory(),
                cancellationToken: TestContext.Token);
            for (var column = 1; column <= 3; column++)
            {
                // Eleven days and a fraction of a second apart, so the rows run from 1901 past 1970 to 2012 at sub-millisecond
                // precision: each unit keeps what it can hold, and both readers must agree on what it kept.
                await rowGroup.WriteAsync<DateTime>(Columns[column].Field, rows.Select(row =>
                    Null(row, column) ? (DateTime?)null : FirstInstant.AddTicks(row * ((11 * TimeSpan.TicksPerDay) + 1_234_567))).ToArray().AsMemory(),
                    cancellationToken: TestContext.Token);
            }

            await rowGroup.WriteAsync<bool>(Columns[4].Field, rows.Select(row => Null(row, 4) ? (bool?)null : row % 3 == 1).ToArray().AsMemory(),
                cancellationToken: TestContext.Token);
            rowGroup.CompleteValidate();
            first += size;
        }

        return path;
    }
}
