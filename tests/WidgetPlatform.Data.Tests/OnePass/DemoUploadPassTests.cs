using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.Data.Tests.OnePass;

/// <summary>A pass of many views over a demo upload (date-ordered, as pipelines write them), as the warmer runs one.</summary>
public sealed class DemoUploadPassTests : IAsyncLifetime
{
    private const int Rows = 8_000;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"wp-pruning-{Guid.NewGuid():N}");
    private DatasetSnapshot _snapshot = null!;

    public async Task InitializeAsync()
    {
        var options = new DemoDataOptions { AdverseEventRows = Rows, RowsPerFile = Rows, RowGroupSize = Rows / 8, Seed = 11 };
        await DemoDataGenerator.WriteAdverseEventsAsync(_directory, options, TestContext.Token);
        _snapshot = new DatasetSnapshot("S", DatasetLayer.Source, "AE", "2024-01-01-000000", _directory, Directory.GetFiles(_directory, "*.parquet"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A pass of many date ranges feeds each view only the row groups its range overlaps, as a scan of that view alone would:
    /// the warmer's 1,000 views of 90-day windows over an upload read a fraction of its rows each.
    /// </summary>
    [Fact]
    public async Task EachViewOfAPassReadsOnlyTheRowGroupsItsRangeOverlapsAndAnswersAsItWouldAlone()
    {
        var bySeverity = DemoWidgets.All().Single(widget => widget.WidgetId == "ae-by-severity");
        var firstMonth = new WidgetQuery { From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 1, 31) };
        var lastMonth = new WidgetQuery { From = new DateOnly(2024, 12, 1), To = new DateOnly(2024, 12, 31) };
        var scansOnly = new WidgetComputeOptions { MaxParallelism = 2, UseDailyPartials = false };

        var pass = await new WidgetComputeEngine(scansOnly).ComputeManyAsync(
            _snapshot, [new(bySeverity, WidgetQuery.Unfiltered), new(bySeverity, firstMonth), new(bySeverity, lastMonth)], TestContext.Token);
        var alone = new WidgetComputeEngine(scansOnly);
        var firstAlone = await alone.ComputeAsync(_snapshot, bySeverity, firstMonth, TestContext.Token);
        var lastAlone = await alone.ComputeAsync(_snapshot, bySeverity, lastMonth, TestContext.Token);

        Assert.Equal(Rows, pass[0].Unwrap().RowsProcessed);
        Assert.InRange(pass[1].Unwrap().RowsProcessed, 1, Rows / 4);
        Assert.InRange(pass[2].Unwrap().RowsProcessed, 1, Rows / 4);
        Assert.Equal(firstAlone.RowsProcessed, pass[1].Unwrap().RowsProcessed);
        Assert.Equal(lastAlone.RowsProcessed, pass[2].Unwrap().RowsProcessed);
        Assert.Equal(firstAlone.SerializeData(), pass[1].Unwrap().SerializeData());
        Assert.Equal(lastAlone.SerializeData(), pass[2].Unwrap().SerializeData());
    }

    /// <summary>
    /// Partials are judged wide against the rows they sum, not the rows read: top subjects of one site of twenty is a cell per
    /// row all the same, and was kept (and shared through Redis) because the other nineteen sites' rows counted for it.
    /// </summary>
    [Fact]
    public async Task PartialsOfAFilteredShapeAreJudgedWideByTheRowsThatPassedTheFilter()
    {
        var widgets = DemoWidgets.All();
        var topSubjectsOfOneSite = new WidgetQuery { Filters = new Dictionary<string, IReadOnlyList<string>> { ["site"] = ["S01"] } };
        var shared = new InMemorySharedPartials();

        await new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2 }, shared).ComputeManyAsync(
            _snapshot,
            [new(widgets.Single(widget => widget.WidgetId == "ae-top-subjects"), topSubjectsOfOneSite), new(widgets.Single(widget => widget.WidgetId == "ae-total"), WidgetQuery.Unfiltered)],
            TestContext.Token);

        Assert.Contains(shared.Wide.Keys, shape => shape.Contains("site=S01", StringComparison.Ordinal));
        Assert.Single(shared.Wide);
        Assert.Single(shared.Saved);
    }
}
