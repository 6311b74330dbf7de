using Parquet.Schema;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wp-bad-{Guid.NewGuid():N}");
    private readonly WidgetComputeEngine _engine = new();

    public BadInputTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WidgetDefinition CountBy(string dimension) => new()
    {
        WidgetId = "w", Type = WidgetType.Breakdown, Dataset = "T", Measure = new WidgetMeasure { Op = MeasureOp.Count },
        Dimension = dimension, TimeColumn = "day",
    };

    [Fact]
    public async Task ACorruptFileIsReportedWithItsName()
    {
        var good = await WriteAsync("part-0.parquet", new DataField<string>("site", true), new DataField<DateOnly?>("day"));
        var corrupt = Path.Combine(_directory, "part-1.parquet");
        await File.WriteAllBytesAsync(corrupt, [.. File.ReadAllBytes(good).Take(40), .. new byte[100]], TestContext.Token);

        var error = await Assert.ThrowsAsync<DatasetReadException>(() => _engine.ComputeAsync(Snapshot(good, corrupt), CountBy("site"), WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Equal(corrupt, error.File);
        Assert.Contains("part-1.parquet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnMissingFromOneFileIsReportedWithFileAndColumn()
    {
        var first = await WriteAsync("part-0.parquet", new DataField<string>("site", true), new DataField<DateOnly?>("day"));
        var second = await WriteAsync("part-1.parquet", new DataField<string>("other", true), new DataField<DateOnly?>("day"));

        var error = await Assert.ThrowsAsync<DatasetReadException>(() => _engine.ComputeAsync(Snapshot(first, second), CountBy("site"), WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Equal((second, "site"), (error.File, error.Column));
    }

    [Fact]
    public async Task AColumnTypedDifferentlyInOneFileIsReportedWithFileAndColumn()
    {
        var first = await WriteAsync("part-0.parquet", new DataField<string>("site", true), new DataField<DateOnly?>("day"));
        var second = await WriteAsync("part-1.parquet", new DataField<int?>("site"), new DataField<DateOnly?>("day"));

        var error = await Assert.ThrowsAsync<DatasetReadException>(() => _engine.ComputeAsync(Snapshot(first, second), CountBy("site"), WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Equal((second, "site"), (error.File, error.Column));
        Assert.Contains("expected string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAndUnusableColumnsAreBadRequestsNamingTheColumn()
    {
        var file = await WriteAsync("part-0.parquet", new DataField<string>("site", true), new DataField<DateOnly?>("day"));

        var unknown = await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), CountBy("nope"), WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);

        var sumOfText = CountBy("site") with { Measure = new WidgetMeasure { Op = MeasureOp.Sum, Column = "site" } };
        var mistyped = await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), sumOfText, WidgetQuery.Unfiltered, TestContext.Token));
        Assert.Contains("Column 'site' is string", mistyped.Message, StringComparison.Ordinal);

        var filterOnUnknown = new WidgetQuery { Filters = new Dictionary<string, IReadOnlyList<string>> { ["ghost"] = ["x"] } };
        await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), CountBy("site"), filterOnUnknown, TestContext.Token));
    }

    [Fact]
    public async Task BadFilterValuesAndRangesAreBadRequests()
    {
        var file = await WriteAsync("part-0.parquet", new DataField<string>("site", true), new DataField<DateOnly?>("day"), new DataField<int?>("visit"));

        var badNumber = new WidgetQuery { Filters = new Dictionary<string, IReadOnlyList<string>> { ["visit"] = ["one"] } };
        var error = await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), CountBy("site"), badNumber, TestContext.Token));
        Assert.Contains("'visit'", error.Message, StringComparison.Ordinal);

        var backwards = new WidgetQuery { From = new DateOnly(2024, 2, 1), To = new DateOnly(2024, 1, 1) };
        await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), CountBy("site"), backwards, TestContext.Token));

        var noTimeColumn = CountBy("site") with { TimeColumn = null };
        await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), noTimeColumn, new WidgetQuery { From = new DateOnly(2024, 1, 1) }, TestContext.Token));

        var tooMany = new WidgetQuery { Filters = new Dictionary<string, IReadOnlyList<string>> { ["site"] = [.. Enumerable.Range(0, 51).Select(index => $"S{index}")] } };
        await Assert.ThrowsAsync<WidgetQueryException>(() => _engine.ComputeAsync(Snapshot(file), CountBy("site"), tooMany, TestContext.Token));
    }

    private DatasetSnapshot Snapshot(params string[] files) => new("S", DatasetLayer.Source, "T", "2024-01-01-000000", _directory, files);

    private async Task<string> WriteAsync(string name, params DataField[] fields)
    {
        var path = Path.Combine(_directory, name);
        await using var writer = await ParquetTableWriter.CreateAsync(path, new ParquetSchema(fields), TestContext.Token);
        await writer.WriteRowGroupAsync([.. fields.Select(Column)], TestContext.Token);
        return path;
    }

    private static Array Column(DataField field) => field.ClrType switch
    {
        var type when type == typeof(int) => new int?[] { 1, null, 2 },
        var type when type == typeof(DateOnly) => new DateOnly?[] { new(2024, 1, 1), null, new(2024, 1, 2) },
        _ => new[] { "S01", null, "S02" },
    };
}
