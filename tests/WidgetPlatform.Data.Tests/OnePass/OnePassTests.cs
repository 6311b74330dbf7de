using System.Text.Json;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Tests.Oracle;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests.OnePass;

/// <summary>
/// Issue 15: every view an upload affects is computed in one scan of the new files, and daily partials one engine built
/// serve another engine (another replica) without a scan, bit for bit.
/// </summary>
public sealed class OnePassTests(RandomTablesFixture fixture) : IClassFixture<RandomTablesFixture>
{
    private const int ViewsPerPass = 60;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManyViewsOfEveryTypeTakeOneScanAndEachEqualsTheLinqOracle(bool dailyPartials)
    {
        var random = new Random(dailyPartials ? 11 : 12);
        foreach (var (table, snapshot) in fixture.Tables)
        {
            var observer = new CountingObserver();
            var engine = new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2, UseDailyPartials = dailyPartials }, observer: observer);
            var views = Views(random, table.Rows);

            var outcomes = await engine.ComputeManyAsync(snapshot, [.. views.Select(view => new WidgetComputeRequest(view.Widget, view.Query))], TestContext.Token);

            for (var index = 0; index < views.Count; index++)
            {
                var (widget, query) = views[index];
                Assert.Equal(Json(LinqOracle.Compute(table.Rows, widget, query)), Json(outcomes[index].Unwrap().Data));
            }

            Assert.Equal(1, observer.Scans);
            Assert.True(observer.Plans > 1, $"one scan served {observer.Plans} plans");
        }
    }

    [Fact]
    public async Task PartialsOneEngineBuiltAnswerAnotherWithoutAScanAndIdentically()
    {
        var shared = new InMemorySharedPartials();
        var random = new Random(13);
        foreach (var (table, snapshot) in fixture.Tables)
        {
            var views = Views(random, table.Rows).Where(view => DailyPartials.Supports(view.Widget)).ToList();
            var requests = views.Select(view => new WidgetComputeRequest(view.Widget, view.Query)).ToList();
            var builderObserver = new CountingObserver();
            var loaderObserver = new CountingObserver();
            // These tables are small: every shape would count as wide (too few rows per cell) and not be shared.
            var options = new WidgetComputeOptions { MaxParallelism = 2, MinRowsPerPartialsCell = 0 };
            var builder = new WidgetComputeEngine(options, shared, builderObserver);
            var loader = new WidgetComputeEngine(options, shared, loaderObserver);

            var built = await builder.ComputeManyAsync(snapshot, requests, TestContext.Token);
            var loaded = await loader.ComputeManyAsync(snapshot, requests, TestContext.Token);

            Assert.Equal(1, builderObserver.Scans);
            Assert.True(builderObserver.Built > 0);
            Assert.Equal(0, loaderObserver.Scans);
            Assert.Equal(builderObserver.Built, loaderObserver.Shared);
            for (var index = 0; index < views.Count; index++)
            {
                Assert.Equal(Json(built[index].Unwrap().Data), Json(loaded[index].Unwrap().Data));
                Assert.Equal(0, loaded[index].Unwrap().RowsProcessed);
            }
        }
    }

    [Fact]
    public async Task UnreadableSharedBytesAreRebuiltNotAnError()
    {
        var shared = new InMemorySharedPartials();
        var (table, snapshot) = fixture.Tables[0];
        var views = Views(new Random(14), table.Rows).Where(view => DailyPartials.Supports(view.Widget)).Take(5).ToList();
        var requests = views.Select(view => new WidgetComputeRequest(view.Widget, view.Query)).ToList();
        await new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2, MinRowsPerPartialsCell = 0 }, shared).ComputeManyAsync(snapshot, requests, TestContext.Token);
        foreach (var key in shared.Saved.Keys)
        {
            shared.Saved[key] = [1, 0, 7];
        }

        var observer = new CountingObserver();
        var outcomes = await new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2 }, shared, observer).ComputeManyAsync(snapshot, requests, TestContext.Token);

        Assert.Equal(0, observer.Shared);
        Assert.Equal(1, observer.Scans);
        for (var index = 0; index < views.Count; index++)
        {
            Assert.Equal(Json(LinqOracle.Compute(table.Rows, views[index].Widget, views[index].Query)), Json(outcomes[index].Unwrap().Data));
        }
    }

    [Fact]
    public async Task WidePartialsAreNeitherKeptNorSharedAndTheirShapesAreScannedDirectlyFromThenOn()
    {
        var shared = new InMemorySharedPartials();
        var observer = new CountingObserver();
        var everyShapeIsWide = new WidgetComputeOptions { MaxParallelism = 2, MinRowsPerPartialsCell = int.MaxValue / 2 };
        var engine = new WidgetComputeEngine(everyShapeIsWide, shared, observer);
        var (table, snapshot) = fixture.Tables.MaxBy(pair => pair.Table.Rows.Count);
        var byCategory = new WidgetDefinition
        {
            WidgetId = "by-cat", Title = "by-cat", Type = WidgetType.Breakdown, Dataset = "T", Measure = new WidgetMeasure { Op = MeasureOp.Count },
            Dimension = "cat", TimeColumn = "day",
        };
        List<(WidgetDefinition Widget, WidgetQuery Query)> views =
        [
            (byCategory, WidgetQuery.Unfiltered),
            (byCategory, new WidgetQuery { From = RandomTable.FirstDay.AddDays(10), To = RandomTable.FirstDay.AddDays(40) }),
            (byCategory with { Type = WidgetType.Metric, Dimension = null }, new WidgetQuery { From = RandomTable.FirstDay, To = RandomTable.FirstDay.AddDays(7) }),
        ];
        var requests = views.Select(view => new WidgetComputeRequest(view.Widget, view.Query)).ToList();

        var first = await engine.ComputeManyAsync(snapshot, requests, TestContext.Token);
        var builtFirst = observer.Built;
        var next = await engine.ComputeManyAsync(snapshot with { Version = snapshot.Version + "-next" }, requests, TestContext.Token);

        Assert.True(builtFirst > 0);
        Assert.Empty(shared.Saved);
        Assert.Equal(builtFirst, observer.Built);
        Assert.Equal(2, observer.Scans);
        for (var index = 0; index < views.Count; index++)
        {
            var expected = Json(LinqOracle.Compute(table.Rows, views[index].Widget, views[index].Query));
            Assert.Equal(expected, Json(first[index].Unwrap().Data));
            Assert.Equal(expected, Json(next[index].Unwrap().Data));
            Assert.False(next[index].Unwrap().FromPartials);
        }
    }

    [Fact]
    public async Task AShapeOneEngineFoundWideIsScannedDirectlyByAnotherWithoutBuildingItsPartials()
    {
        var shared = new InMemorySharedPartials();
        var everyShapeIsWide = new WidgetComputeOptions { MaxParallelism = 2, MinRowsPerPartialsCell = int.MaxValue / 2 };
        var finder = new CountingObserver();
        var (table, snapshot) = fixture.Tables.MaxBy(pair => pair.Table.Rows.Count);
        var byCategory = new WidgetDefinition
        {
            WidgetId = "by-cat", Title = "by-cat", Type = WidgetType.Breakdown, Dataset = "T", Measure = new WidgetMeasure { Op = MeasureOp.Count },
            Dimension = "cat", TimeColumn = "day",
        };
        var byFlag = byCategory with { WidgetId = "by-flag", Dimension = "flag" };
        var week = new WidgetQuery { From = RandomTable.FirstDay.AddDays(3), To = RandomTable.FirstDay.AddDays(9) };
        await new WidgetComputeEngine(everyShapeIsWide, shared, finder).ComputeAsync(snapshot, byCategory, WidgetQuery.Unfiltered, TestContext.Token);

        // The other engine keeps partials of any width: only what it learns from the first one makes it scan by-cat directly.
        var learner = new CountingObserver();
        var answers = await new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2, MinRowsPerPartialsCell = 0 }, shared, learner)
            .ComputeManyAsync(snapshot with { Version = snapshot.Version + "-next" }, [new(byCategory, week), new(byFlag, week)], TestContext.Token);

        Assert.Equal(1, finder.Built);
        Assert.Single(shared.Wide);
        Assert.Equal(1, learner.Built);
        Assert.False(answers[0].Unwrap().FromPartials);
        Assert.True(answers[1].Unwrap().FromPartials);
        Assert.Equal(Json(LinqOracle.Compute(table.Rows, byCategory, week)), Json(answers[0].Unwrap().Data));
        Assert.Equal(Json(LinqOracle.Compute(table.Rows, byFlag, week)), Json(answers[1].Unwrap().Data));
    }

    [Fact]
    public async Task ABadViewFailsAloneAndTheOthersAreAnswered()
    {
        var (table, snapshot) = fixture.Tables[0];
        var (good, query) = RandomCases.Next(new Random(15), WidgetType.Breakdown, table.Rows);
        var unknownColumn = good with { WidgetId = "bad", Dimension = "no_such_column" };
        var engine = new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2 });

        var outcomes = await engine.ComputeManyAsync(snapshot, [new(unknownColumn, WidgetQuery.Unfiltered), new(good, query)], TestContext.Token);

        Assert.IsType<WidgetQueryException>(outcomes[0].Error);
        Assert.Contains("no_such_column", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(Json(LinqOracle.Compute(table.Rows, good, query)), Json(outcomes[1].Unwrap().Data));
    }

    private static List<(WidgetDefinition Widget, WidgetQuery Query)> Views(Random random, IReadOnlyList<OracleRow> rows) =>
        [.. Enumerable.Range(0, ViewsPerPass).Select(index => RandomCases.Next(random, Enum.GetValues<WidgetType>()[index % 4], rows))];

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, WidgetJson.Options);
}
