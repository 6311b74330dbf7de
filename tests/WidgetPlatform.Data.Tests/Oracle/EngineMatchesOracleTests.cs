using System.Text.Json;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Data.Tests.Oracle;

public sealed class EngineMatchesOracleTests(RandomTablesFixture fixture) : IClassFixture<RandomTablesFixture>
{
    private const int CasesPerTable = 110;

    [Theory]
    [InlineData(WidgetType.Metric)]
    [InlineData(WidgetType.Breakdown)]
    [InlineData(WidgetType.Timeseries)]
    [InlineData(WidgetType.Table)]
    public async Task ScansAndDailyPartialsEqualTheLinqOracle(WidgetType type)
    {
        var scanning = new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2, UseDailyPartials = false });
        var partials = new WidgetComputeEngine(new WidgetComputeOptions { MaxParallelism = 2, UseDailyPartials = true });
        var random = new Random(7 + (int)type);
        var cases = 0;
        foreach (var (table, snapshot) in fixture.Tables)
        {
            for (var index = 0; index < CasesPerTable; index++)
            {
                var (widget, query) = RandomCases.Next(random, type, table.Rows);
                var expected = Json(LinqOracle.Compute(table.Rows, widget, query));
                var context = $"case {cases} on {table.Rows.Count} rows: {Json(widget)} from={query.From} to={query.To} filters={JsonSerializer.Serialize(query.Filters)}";

                var scanned = await scanning.ComputeAsync(snapshot, widget, query, TestContext.Token);
                Assert.True(expected == Json(scanned.Data), $"scan differs, {context}\nexpected {expected}\nactual   {Json(scanned.Data)}");

                var fromPartials = await partials.ComputeAsync(snapshot, widget, query, TestContext.Token);
                Assert.True(expected == Json(fromPartials.Data), $"partials differ, {context}\nexpected {expected}\nactual   {Json(fromPartials.Data)}");
                cases++;
            }
        }

        Assert.True(cases >= 1_000);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, WidgetJson.Options);
}
