using System.Net;
using System.Net.Http.Json;
using WidgetPlatform.AppHostTesting;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.Operations;

/// <summary>Entry-level control for admins (docs/cache.md, "Entry-level control"), end to end through the API.</summary>
[Collection(OperationsPlatform.Name)]
public sealed class EntryControlTests(OperationsFixture platform)
{
    private const string Study = OperationsFixture.Study;

    [Fact]
    public async Task AnEntryIsListedInspectedAndDeletedEverywhere()
    {
        using var admin = platform.Admin();
        var path = $"api/studies/{Study}/widgets/ae-monthly-avg-dose/data?{UniqueRanges.Next()}";
        var stored = await WidgetResponse.GetAsync(admin, path);
        var hit = await WidgetResponse.GetAsync(admin, path);
        Assert.Equal("hit", hit.Cache);

        var details = await Eventually.UntilAsync(
            () => OperatorApi.EntryAsync(admin, Study, stored.Key), entry => entry?.GetProperty("hits").GetInt64() >= 1, "the hit counted");
        var listing = await OperatorApi.JsonAsync(admin, $"api/cache/studies/{Study}/widgets/ae-monthly-avg-dose/entries?limit=1000");
        using var deleted = await admin.DeleteAsync(new Uri(OperatorApi.EntryPath(Study, stored.Key), UriKind.Relative));
        await Eventually.UntilAsync(
            () => OperatorApi.EntryAsync(admin, Study, stored.Key),
            entry => entry is null || entry.Value.GetProperty("calculatedAt").GetDateTimeOffset() > details!.Value.GetProperty("calculatedAt").GetDateTimeOffset(),
            "the entry gone from Redis (or computed again)");
        // The gateway drops its own copy when it hears the deletion's CacheInvalidated, a moment after Redis lost the entry;
        // a copy it kept would answer until its TTL (minutes), with the time it was computed before.
        await Eventually.UntilAsync(
            () => WidgetResponse.GetAsync(admin, path), answer => answer.CalculatedAt != stored.CalculatedAt, "the gateway's own copy dropped", seconds: 10);

        var entry = details!.Value;
        Assert.Equal("ae-monthly-avg-dose", entry.GetProperty("widgetId").GetString());
        Assert.Equal(stored.DataVersion, entry.GetProperty("dataVersion").GetString());
        Assert.True(entry.GetProperty("current").GetBoolean());
        // A 20-day range of monthly averages is well under the 1 KB from which entries are compressed: the answer's bytes, a
        // 20-byte header and the canonical filter.
        Assert.False(entry.GetProperty("compressed").GetBoolean());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(hit.Text), entry.GetProperty("answerBytes").GetInt64());
        Assert.InRange(entry.GetProperty("sizeBytes").GetInt64(), hit.Text.Length, hit.Text.Length + 300);
        Assert.True(entry.GetProperty("memoryBytes").GetInt64() >= entry.GetProperty("sizeBytes").GetInt64(), entry.ToString());
        Assert.InRange(entry.GetProperty("ttlLeftSeconds").GetDouble(), 1, entry.GetProperty("ttlSeconds").GetInt32());
        Assert.True(entry.GetProperty("computationMs").GetDouble() >= 0, entry.ToString());
        Assert.Contains(listing.GetProperty("entries").EnumerateArray(), listed => listed.GetProperty("key").GetString() == stored.Key);
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
    }

    [Fact]
    public async Task EntriesAreForAdminsOfTheirStudyAndKeysAreChecked()
    {
        using var admin = platform.Admin();
        using var viewer = platform.Viewer();
        var key = (await WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/ae-total/data")).Key;

        using var asViewer = await viewer.GetAsync(new Uri(OperatorApi.EntryPath(Study, key), UriKind.Relative));
        using var otherStudy = await admin.GetAsync(new Uri(OperatorApi.EntryPath(Study, key.Replace(Study, "STUDY-002", StringComparison.Ordinal)), UriKind.Relative));
        using var notAKey = await admin.DeleteAsync(new Uri(OperatorApi.EntryPath(Study, "../../etc"), UriKind.Relative));
        using var gone = await admin.GetAsync(new Uri(OperatorApi.EntryPath(Study, key[..^4] + "0000"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherStudy.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ADatasetInvalidationDropsEveryWidgetReadingItAndNoOther()
    {
        using var admin = platform.Admin();
        var demographics = await WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/dm-by-arm/data");
        var events = await WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/ae-by-severity/data");
        var eventsEntry = await OperatorApi.EntryAsync(admin, Study, events.Key);

        using var withoutLayer = await admin.PostAsJsonAsync(new Uri("api/cache/invalidations", UriKind.Relative), new { studyId = Study, datasets = new[] { "DM" } });
        using var invalidated = await admin.PostAsJsonAsync(
            new Uri("api/cache/invalidations", UriKind.Relative), new { studyId = Study, layer = "source", datasets = new[] { "DM" } });
        await Eventually.UntilAsync(
            () => WidgetResponse.GetAsync(admin, $"api/studies/{Study}/widgets/dm-by-arm/data"),
            answer => answer.CalculatedAt != demographics.CalculatedAt,
            "dm-by-arm computed again");

        Assert.Equal(HttpStatusCode.BadRequest, withoutLayer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, invalidated.StatusCode);
        Assert.Equal(eventsEntry?.GetProperty("calculatedAt").GetString(), (await OperatorApi.EntryAsync(admin, Study, events.Key))?.GetProperty("calculatedAt").GetString());
    }

    [Fact]
    public async Task AnAdminRecomputesPastEveryCacheLayerAndNobodyElseCan()
    {
        using var admin = platform.Admin();
        using var viewer = platform.Viewer();
        var path = $"api/studies/{Study}/widgets/ae-subjects-by-site/data?{UniqueRanges.Next()}";
        var cached = await WidgetResponse.GetAsync(admin, path);

        var skipped = await WidgetResponse.GetAsync(admin, path + "&skipCache=true");
        using var noCacheRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        noCacheRequest.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        using var noCache = await admin.SendAsync(noCacheRequest);
        var viewerSkip = await WidgetResponse.GetAsync(viewer, path + "&skipCache=true");
        using var viewerNoCacheRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        viewerNoCacheRequest.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        using var viewerNoCache = await viewer.SendAsync(viewerNoCacheRequest);
        var stillStored = await WidgetResponse.GetAsync(admin, path);

        Assert.Equal("bypass", skipped.Cache);
        Assert.Equal("no-store", skipped.CacheControl);
        Assert.NotEqual(cached.CalculatedAt, skipped.CalculatedAt);
        Assert.Equal(cached.Data, skipped.Data);
        Assert.Contains("\"cache\":\"bypass\"", await noCache.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewerSkip.Status);
        // A browser's hard reload sends no-cache too: from anyone but an admin it changes nothing.
        Assert.Contains("\"cache\":\"hit\"", await viewerNoCache.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(cached.CalculatedAt, stillStored.CalculatedAt);
    }
}
