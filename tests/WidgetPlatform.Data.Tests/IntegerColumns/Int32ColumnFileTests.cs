using Parquet;
using Parquet.Schema;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Compute.Plain;

namespace WidgetPlatform.Data.Tests.IntegerColumns;

/// <summary>
/// INT32 columns — integers and dates — are read straight from plain pages when the file allows it, through Parquet.Net
/// otherwise: both store the same values (a date as its day number), nulls in the same rows, over row groups of every size.
/// </summary>
public sealed class Int32ColumnFileTests : IDisposable
{
    private static readonly int[] RowGroupSizes = [1, 700, 3_000, 17];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wp-int32-{Guid.NewGuid():N}");

    public Int32ColumnFileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(LongCells.Layouts), MemberType = typeof(LongCells))]
    public async Task DirectReadsOfIntegersAndDatesEqualParquetNets(bool nullable, CompressionMethod compression)
    {
        var file = await WriteAsync(nullable, compression);

        await using var reader = await ParquetReader.CreateAsync(file, ParquetFiles.ReadOptions, TestContext.Token);
        using var handle = File.OpenHandle(file);
        var checkedRows = 0;
        foreach (var (name, kind) in new[] { ("count", ColumnKind.Int32), ("day", ColumnKind.Date) })
        {
            var field = reader.Schema.DataFields.Single(candidate => candidate.Name == name);
            for (var index = 0; index < reader.RowGroupCount; index++)
            {
                var rowGroup = reader.OpenRowGroupReader(index);
                var rows = (int)rowGroup.RowCount;
                var direct = LongCells.Vector(kind, rows);
                var library = LongCells.Vector(kind, rows);

                var handled = PlainInt32Reader.TryRead(handle, rowGroup, field, rows, direct, dates: kind == ColumnKind.Date);
                await ColumnDecoder.DecodeAsync(rowGroup, field, kind, rows, library, null, null, TestContext.Token);

                Assert.Equal(compression != CompressionMethod.Gzip, handled);
                if (handled)
                {
                    LongCells.AssertSame(library, direct, rows);
                    checkedRows += rows;
                }
            }
        }

        Assert.Equal(compression == CompressionMethod.Gzip ? 0 : 2 * RowGroupSizes.Sum(), checkedRows);
    }

    /// <summary>Extremes and ordinary values, every seventh row null when nullable, PLAIN-encoded (the writer's default for these types).</summary>
    private async Task<string> WriteAsync(bool nullable, CompressionMethod compression)
    {
        var path = Path.Combine(_directory, $"{nullable}-{compression}.parquet");
        var counts = nullable ? (DataField)new DataField<int?>("count") : new DataField<int>("count");
        var days = nullable ? (DataField)new DataField<DateOnly?>("day") : new DataField<DateOnly>("day");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(
            new ParquetSchema(counts, days), stream, new ParquetOptions { CompressionMethod = compression }, cancellationToken: TestContext.Token);
        int[] extremes = [int.MinValue, int.MaxValue, 0, -1];
        var first = 0;
        foreach (var size in RowGroupSizes)
        {
            var rows = Enumerable.Range(first, size).ToArray();
            var countValues = rows.Select(row => row < extremes.Length ? extremes[row] : (row * 7919) - 1_000_000).ToArray();
            var dayValues = rows.Select(row => new DateOnly(1900, 1, 1).AddDays(row * 13 % 60_000)).ToArray();
            using var rowGroup = writer.CreateRowGroup();
            if (nullable)
            {
                await rowGroup.WriteAsync<int>(counts, rows.Select((row, at) => row % 7 == 3 ? (int?)null : countValues[at]).ToArray().AsMemory(), cancellationToken: TestContext.Token);
                await rowGroup.WriteAsync<DateOnly>(days, rows.Select((row, at) => row % 7 == 5 ? (DateOnly?)null : dayValues[at]).ToArray().AsMemory(), cancellationToken: TestContext.Token);
            }
            else
            {
                await rowGroup.WriteAsync<int>(counts, countValues.AsMemory(), cancellationToken: TestContext.Token);
                await rowGroup.WriteAsync<DateOnly>(days, dayValues.AsMemory(), cancellationToken: TestContext.Token);
            }

            rowGroup.CompleteValidate();
            first += size;
        }

        return path;
    }
}
