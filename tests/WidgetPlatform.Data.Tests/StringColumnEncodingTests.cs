using System.Text.Json;
using Parquet;
using Parquet.Schema;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

/// <summary>
/// String columns are read straight from dictionary pages when the file allows it, through Parquet.Net otherwise:
/// every encoding and compression gives the same answer, and a damaged chunk is an error naming file and column.
/// </summary>
public sealed class StringColumnEncodingTests : IDisposable
{
    private static readonly string?[] Sites = ["S01", "S02", "Céphalée", "Übelkeit", "日本語", null];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wp-strings-{Guid.NewGuid():N}");
    private readonly WidgetComputeEngine _engine = new();
    private readonly ParquetSchema _schema = new(new DataField<string>("site", true), new DataField<string>("subject", true), new DataField<DateOnly?>("day"));

    public StringColumnEncodingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<MeasureOp> Measures => [MeasureOp.Count, MeasureOp.Distinct];

    [Theory]
    [MemberData(nameof(Measures))]
    public async Task EveryEncodingAndCompressionGivesTheSameAnswer(MeasureOp op)
    {
        var widget = new WidgetDefinition
        {
            WidgetId = "w", Type = WidgetType.Breakdown, Dataset = "T", Dimension = "site", TimeColumn = "day",
            Measure = new WidgetMeasure { Op = op, Column = op == MeasureOp.Count ? null : "subject" },
        };
        var answers = new List<string>();
        foreach (var (dictionary, compression) in new[] { (true, CompressionMethod.Snappy), (true, CompressionMethod.None), (true, CompressionMethod.Gzip), (false, CompressionMethod.Snappy) })
        {
            var file = await WriteAsync($"{dictionary}-{compression}.parquet", dictionary, compression);
            var result = await _engine.ComputeAsync(Snapshot(file), widget, WidgetQuery.Unfiltered, TestContext.Token);
            answers.Add(JsonSerializer.Serialize(result.Data, WidgetJson.Options));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        var expected = Rows().GroupBy(row => row.Site).ToDictionary(
            group => group.Key ?? "(null)", group => op == MeasureOp.Count ? group.Count() : group.Where(row => row.Subject is not null).Select(row => row.Subject).Distinct().Count());
        var buckets = ((BreakdownResult)(await _engine.ComputeAsync(Snapshot(Path.Combine(_directory, "True-Snappy.parquet")), widget, WidgetQuery.Unfiltered, TestContext.Token)).Data).Buckets;
        Assert.Equal(expected.OrderBy(pair => pair.Key, StringComparer.Ordinal), buckets.ToDictionary(bucket => (string?)bucket.Key ?? "(null)", bucket => (int)bucket.Value.ToDouble()).OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADamagedDictionaryPageIsReportedWithFileAndColumn()
    {
        var file = await WriteAsync("damaged.parquet", dictionary: true, CompressionMethod.Snappy);
        long start;
        await using (var reader = await ParquetReader.CreateAsync(file))
        {
            var meta = reader.OpenRowGroupReader(0).GetMetadata(_schema.DataFields[0])!.MetaData!;
            start = meta.DictionaryPageOffset is > 0 and var offset ? offset : meta.DataPageOffset;
        }

        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Position = start;
            stream.Write([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        }

        var widget = new WidgetDefinition { WidgetId = "w", Type = WidgetType.Breakdown, Dataset = "T", Dimension = "site", Measure = new WidgetMeasure { Op = MeasureOp.Count } };
        var error = await Assert.ThrowsAsync<DatasetReadException>(() => _engine.ComputeAsync(Snapshot(file), widget, WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Equal(file, error.File);
        Assert.Equal("site", error.Column);
    }

    private static IEnumerable<(string? Site, string? Subject, DateOnly? Day)> Rows()
    {
        var random = new Random(7);
        for (var row = 0; row < 3_000; row++)
        {
            yield return (Sites[random.Next(Sites.Length)], random.Next(10) == 0 ? null : $"SUBJ-{random.Next(400):000}", new DateOnly(2024, 1, 1).AddDays(row / 100));
        }
    }

    private async Task<string> WriteAsync(string name, bool dictionary, CompressionMethod compression)
    {
        var path = Path.Combine(_directory, name);
        var options = new ParquetOptions { CompressionMethod = compression };
        if (dictionary)
        {
            options.ColumnEncodingHints["site"] = EncodingHint.Dictionary;
            options.ColumnEncodingHints["subject"] = EncodingHint.Dictionary;
        }

        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(_schema, stream, options, cancellationToken: TestContext.Token);
        foreach (var chunk in Rows().Chunk(1_000))
        {
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync(_schema.DataFields[0], chunk.Select(row => row.Site).ToArray());
            await rowGroup.WriteAsync(_schema.DataFields[1], chunk.Select(row => row.Subject).ToArray());
            await rowGroup.WriteAsync<DateOnly>(_schema.DataFields[2], chunk.Select(row => row.Day).ToArray().AsMemory(), cancellationToken: TestContext.Token);
            rowGroup.CompleteValidate();
        }

        return path;
    }

    private DatasetSnapshot Snapshot(string file) => new("S", DatasetLayer.Source, "T", "2024-01-01-000000", _directory, [file]);
}
