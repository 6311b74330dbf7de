using System.Text.Json;
using Parquet;
using Parquet.Schema;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Compute.Plain;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests.DoubleColumns;

/// <summary>
/// Double columns are read straight from plain pages when the file allows it, through Parquet.Net otherwise: both give the
/// same bits, every encoding and compression gives the same answer, and a damaged page is an error naming file and column.
/// </summary>
public sealed class DoubleColumnFileTests : IDisposable
{
    private static readonly int[] RowGroupSizes = [1, 700, 3_000, 17];
    private static readonly string[] Sites = ["S01", "S02", "S03"];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wp-doubles-{Guid.NewGuid():N}");
    private readonly WidgetComputeEngine _engine = new(new WidgetComputeOptions { MaxParallelism = 2, UseDailyPartials = false });

    public DoubleColumnFileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<bool, CompressionMethod> Layouts => new()
    {
        { true, CompressionMethod.Snappy }, { true, CompressionMethod.None }, { true, CompressionMethod.Gzip },
        { false, CompressionMethod.Snappy }, { false, CompressionMethod.None },
    };

    public static TheoryData<MeasureOp> Measures => [MeasureOp.Sum, MeasureOp.Avg, MeasureOp.Min, MeasureOp.Max, MeasureOp.Distinct];

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task DirectReadsEqualParquetNetBitForBit(bool nullable, CompressionMethod compression)
    {
        var values = Values(extremes: true, nullable);
        var file = await WriteAsync("bits.parquet", values, nullable, compression, plain: true);

        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Token);
        using var handle = File.OpenHandle(file);
        var field = reader.Schema.DataFields.Single(candidate => candidate.Name == "dose");
        var first = 0;
        for (var index = 0; index < reader.RowGroupCount; index++)
        {
            var rowGroup = reader.OpenRowGroupReader(index);
            var rows = (int)rowGroup.RowCount;
            var direct = DoubleCells.Vector(rows);
            var library = DoubleCells.Vector(rows);

            var handled = PlainDoubleReader.TryRead(handle, rowGroup, field, rows, direct);
            await ColumnDecoder.DecodeAsync(rowGroup, field, ColumnKind.Double, rows, library, null, null, TestContext.Token);

            Assert.Equal(compression != CompressionMethod.Gzip, handled);
            var expected = values[first..(first + rows)];
            DoubleCells.AssertEqual(expected, library);
            if (handled)
            {
                DoubleCells.AssertEqual(expected, direct);
                Assert.Equal(library.HasNulls, direct.HasNulls);
            }

            first += rows;
        }

        Assert.Equal(values.Length, first);
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public async Task EveryEncodingAndCompressionGivesTheSameAnswer(MeasureOp op)
    {
        var values = Values(extremes: false, nullable: true);
        var widget = new WidgetDefinition
        {
            WidgetId = "w", Type = WidgetType.Breakdown, Dataset = "T", Dimension = "site",
            Measure = new WidgetMeasure { Op = op, Column = "dose" },
        };
        var answers = new List<string>();
        foreach (var (plain, compression) in new[] { (true, CompressionMethod.Snappy), (true, CompressionMethod.None), (true, CompressionMethod.Gzip), (false, CompressionMethod.Snappy) })
        {
            var file = await WriteAsync($"{plain}-{compression}.parquet", values, nullable: true, compression, plain);
            var result = await _engine.ComputeAsync(Snapshot(file), widget, WidgetQuery.Unfiltered, TestContext.Token);
            answers.Add(JsonSerializer.Serialize(result.Data, WidgetJson.Options));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.True(await ReadsDirectlyAsync(Path.Combine(_directory, "True-Snappy.parquet")));
        Assert.False(await ReadsDirectlyAsync(Path.Combine(_directory, "False-Snappy.parquet")));
    }

    [Fact]
    public async Task ADamagedDoublePageIsReportedWithFileAndColumn()
    {
        var file = await WriteAsync("damaged.parquet", Values(extremes: false, nullable: true), nullable: true, CompressionMethod.Snappy, plain: true);
        long start;
        await using (var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Token))
        {
            var field = reader.Schema.DataFields.Single(candidate => candidate.Name == "dose");
            start = reader.OpenRowGroupReader(2).GetMetadata(field)!.MetaData!.DataPageOffset;
        }

        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = start;
            stream.Write([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        }

        var widget = new WidgetDefinition { WidgetId = "w", Type = WidgetType.Metric, Dataset = "T", Measure = new WidgetMeasure { Op = MeasureOp.Sum, Column = "dose" } };
        var error = await Assert.ThrowsAsync<DatasetReadException>(() => _engine.ComputeAsync(Snapshot(file), widget, WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Equal(file, error.File);
        Assert.Equal("dose", error.Column);
    }

    /// <summary>Rounded doses with NaN, both zeros and (for the bit tests) extremes, nulls and odd NaN payloads; the sums stay finite without the extremes.</summary>
    private static double?[] Values(bool extremes, bool nullable)
    {
        double[] specials = extremes
            ? [double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001), double.PositiveInfinity, double.NegativeInfinity,
                double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, -0.0, 0.0]
            : [double.NaN, -0.0, 0.0, 1e-9, -1e9];
        var random = new Random(11);
        return
        [
            .. Enumerable.Range(0, RowGroupSizes.Sum()).Select(row =>
                nullable && random.Next(7) == 0 ? null
                : random.Next(20) == 0 ? specials[random.Next(specials.Length)]
                : (double?)Math.Round((random.NextDouble() - 0.2) * 500, 2)),
        ];
    }

    private async Task<string> WriteAsync(string name, double?[] values, bool nullable, CompressionMethod compression, bool plain)
    {
        var path = Path.Combine(_directory, name);
        var site = new DataField<string>("site", false);
        var dose = nullable ? (DataField)new DataField<double?>("dose") : new DataField<double>("dose");
        var options = new ParquetOptions { CompressionMethod = compression };
        if (!plain)
        {
            options.ColumnEncodingHints["dose"] = EncodingHint.ByteSplitStream;
        }

        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(site, dose), stream, options, cancellationToken: TestContext.Token);
        var first = 0;
        foreach (var size in RowGroupSizes)
        {
            var slice = values[first..(first + size)];
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync(site, Enumerable.Range(first, size).Select(row => Sites[row % Sites.Length]).ToArray());
            if (nullable)
            {
                await rowGroup.WriteAsync<double>(dose, slice.AsMemory(), cancellationToken: TestContext.Token);
            }
            else
            {
                await rowGroup.WriteAsync<double>(dose, slice.Select(value => value!.Value).ToArray().AsMemory(), cancellationToken: TestContext.Token);
            }

            rowGroup.CompleteValidate();
            first += size;
        }

        return path;
    }

    private static async Task<bool> ReadsDirectlyAsync(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file, cancellationToken: TestContext.Token);
        using var handle = File.OpenHandle(file);
        var rowGroup = reader.OpenRowGroupReader(1);
        return PlainDoubleReader.TryRead(handle, rowGroup, reader.Schema.DataFields.Single(field => field.Name == "dose"), (int)rowGroup.RowCount, DoubleCells.Vector((int)rowGroup.RowCount));
    }

    private DatasetSnapshot Snapshot(string file) => new("S", DatasetLayer.Source, "T", "2024-01-01-000000", _directory, [file]);
}
