using Parquet;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests;

public sealed class DemoDataTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"wp-demo-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AdverseEventsAreSplitIntoPartFilesOfAtMostRowsPerFile()
    {
        var options = new DemoDataOptions { AdverseEventRows = 25_000, RowsPerFile = 10_000, RowGroupSize = 4_096 };

        await DemoDataGenerator.WriteAdverseEventsAsync(_root, options, TestContext.Token);

        var files = Directory.GetFiles(_root, "*.parquet").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"], files.Select(Path.GetFileName));
        var rowCounts = await Task.WhenAll(files.Select(RowCountAsync));
        Assert.Equal([10_000L, 10_000L, 5_000L], rowCounts);
    }

    [Fact]
    public void DemoWidgetsCoverEveryTypeMeasureIntervalAndComparison()
    {
        var widgets = DemoWidgets.All();

        Assert.True(widgets.Count >= 12, $"{widgets.Count} widgets");
        Assert.Equal(Enum.GetValues<WidgetType>(), widgets.Select(w => w.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<MeasureOp>(), widgets.Select(w => w.Measure.Op).Distinct().Order());
        Assert.Equal(Enum.GetValues<TimeInterval>(), widgets.Where(w => w.Type == WidgetType.Timeseries).Select(w => w.Interval!.Value).Distinct().Order());
        Assert.Contains(widgets, w => w.Type == WidgetType.Metric && w.Comparison == ComparisonMode.PreviousPeriod);
        Assert.Equal(widgets.Count, widgets.Select(w => w.WidgetId).Distinct().Count());
    }

    [Fact]
    public async Task EveryDemoWidgetComputesOverTheDemoStudy()
    {
        var store = new DataStore(_root);
        var options = new DemoDataOptions { AdverseEventRows = 5_000, RowsPerFile = 2_000, RowGroupSize = 1_000 };
        var manifest = await DemoDataGenerator.WriteStudyAsync(store, "DEMO", options, DateTime.UtcNow, TestContext.Token);
        // Scanning, not daily partials: a widget answered from partials another widget built reads no rows of its own.
        var engine = new WidgetComputeEngine(new WidgetComputeOptions { UseDailyPartials = false });
        var wholeStudy = new WidgetQuery { From = options.StartDate, To = options.StartDate.AddDays(options.Days - 1) };

        foreach (var widget in await store.ListWidgetsAsync("DEMO", TestContext.Token))
        {
            var snapshot = store.ResolveDataset("DEMO", widget.Layer, widget.Dataset, manifest.DatasetVersion(widget.Layer, widget.Dataset));
            var query = widget.TimeColumn is null ? WidgetQuery.Unfiltered : wholeStudy;

            var computation = await engine.ComputeAsync(snapshot, widget, query, TestContext.Token);

            Assert.True(computation.RowsProcessed > 0, $"{widget.WidgetId} read no rows");
        }

        Assert.Equal(3, store.ResolveDataset("DEMO", DatasetLayer.Source, DemoDataGenerator.AdverseEvents).Files.Count);
    }

    private static async Task<long> RowCountAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return Enumerable.Range(0, reader.RowGroupCount).Sum(index => reader.OpenRowGroupReader(index).RowCount);
    }
}
