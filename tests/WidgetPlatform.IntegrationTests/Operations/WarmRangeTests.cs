using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.IntegrationTests.Freshness;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>Warming of the views users pick (docs/cache.md, "Warming real views"): named ranges and filters, not only the default view.</summary>
[Collection(OperationsPlatform.Name)]
public sealed class WarmRangeTests(OperationsFixture platform)
{
    private const string Study = OperationsFixture.Study;
    private static readonly TimeSpan WarmTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AWarmRequestWithNamedRangesAndFiltersWarmsThoseViews()
    {
        using var admin = platform.Admin();
        const string widget = "ae-monthly-max-duration";
        await using var events = await StudyEventListener.OpenAsync(admin, Study);

        using var accepted = await admin.PostAsJsonAsync(new Uri("api/cache/warmups", UriKind.Relative), new
        {
            studyId = Study,
            widgetIds = new[] { widget },
            force = true,
            ranges = new[] { "last_30_days", "this_year" },
            filters = new Dictionary<string, string[]> { ["severity"] = ["SEVERE"] },
        });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await events.NextAsync(name => name == "fresh-data", data => data.GetProperty("widgetsWarmed").GetInt32() == 1, WarmTimeout);

        foreach (var range in new[] { "last_30_days", "this_year" })
        {
            var answer = await WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/{widget}/data?{Dates(range)}&f.severity=SEVERE");
            Assert.True(answer.Cache == "hit", $"{range}: {answer.Cache}");
        }
    }

    [Fact]
    public async Task AWidgetsWarmRangesAreWarmedOnceItsDefinitionChanges()
    {
        using var admin = platform.Admin();
        var widget = $"ops-ranged-{Guid.NewGuid():N}"[..20];
        await using var events = await StudyEventListener.OpenAsync(admin, Study);

        using var put = await admin.PutAsJsonAsync(new Uri($"api/studies/{Study}/widgets/{widget}", UriKind.Relative), new
        {
            widgetId = widget,
            type = "timeseries",
            dataset = "AE",
            measure = new { op = "count" },
            timeColumn = "event_date",
            interval = "day",
            warmRanges = new[] { "last_7_days", "last_month" },
        });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        await events.NextAsync(name => name == "fresh-data", data => data.GetProperty("entriesWarmed").GetInt32() >= 2, WarmTimeout);

        foreach (var range in new[] { "last_7_days", "last_month" })
        {
            var answer = await WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/{widget}/data?{Dates(range)}");
            Assert.True(answer.Cache == "hit", $"{range}: {answer.Cache}");
        }
    }

    [Fact]
    public async Task AnUnknownRangeOrARangeWithoutATimeColumnIsRefused()
    {
        using var admin = platform.Admin();

        using var warmup = await admin.PostAsJsonAsync(new Uri("api/cache/warmups", UriKind.Relative), new { studyId = Study, ranges = new[] { "last_fortnight" } });
        using var definition = await admin.PutAsJsonAsync(new Uri($"api/studies/{Study}/widgets/ops-no-time", UriKind.Relative), new
        {
            widgetId = "ops-no-time", type = "metric", dataset = "AE", measure = new { op = "count" }, warmRanges = new[] { "today" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, warmup.StatusCode);
        Assert.Contains("ranges[0]", await warmup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, definition.StatusCode);
        Assert.Contains("warmRanges need a timeColumn", await definition.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Dates(string range)
    {
        var (from, to) = NamedRange.Resolve(range, DateOnly.FromDateTime(DateTime.UtcNow));
        return string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
    }
}
