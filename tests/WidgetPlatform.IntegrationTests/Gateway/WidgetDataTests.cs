using System.Net;
using System.Text.RegularExpressions;

namespace WidgetPlatform.IntegrationTests.Gateway;

[Collection(GatewayPlatform.Name)]
public sealed partial class WidgetDataTests(GatewayFixture platform)
{
    private const string Widget = "ae-by-severity";

    [GeneratedRegex(@"^widget:\{STUDY-001\}:ae-by-severity:\d{4}-\d{2}-\d{2}-\d{6}(-\d{3})?:[0-9a-f]{16}$")]
    private static partial Regex KeyFormat();

    [Fact]
    public async Task FirstRequestIsAMissAndTheNextOnAnotherReplicaIsAHitWithTheSameAnswer()
    {
        var path = $"/api/studies/{GatewayFixture.Study}/widgets/{Widget}/data?{UniqueRanges.Next()}&f.site=S01&f.site=S02";
        using var first = platform.Replica(0);
        using var second = platform.Replica(1);

        var miss = await WidgetResponse.GetAsync(first, path);
        var hit = await WidgetResponse.GetAsync(second, path);

        Assert.Equal(HttpStatusCode.OK, miss.Status);
        Assert.Equal("miss", miss.Cache);
        Assert.Equal("hit", hit.Cache);
        Assert.Equal(miss.Data, hit.Data);
        Assert.Equal(miss.Key, hit.Key);
        Assert.Equal(miss.CalculatedAt, hit.CalculatedAt);
        Assert.Equal(miss.EntityTag, hit.EntityTag);
    }

    [Fact]
    public async Task MetadataCarriesTheKeyVersionTimingAndRowsAsTheContractSays()
    {
        using var client = platform.Replica(0);
        var response = await WidgetResponse.GetAsync(client, $"/api/studies/{GatewayFixture.Study}/widgets/{Widget}/data?{UniqueRanges.Next()}");
        using var manifest = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync(new Uri($"/api/studies/{GatewayFixture.Study}/manifest", UriKind.Relative)));

        var metadata = response.Metadata;
        Assert.Matches(KeyFormat(), response.Key);
        Assert.Equal(manifest.RootElement.GetProperty("datasets").GetProperty("source").GetProperty("AE").GetString(), response.DataVersion);
        Assert.Contains($":{response.DataVersion}:", response.Key, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(response.CalculatedAt, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.True(metadata.GetProperty("queryTime").GetDouble() >= 0);
        Assert.True(metadata.GetProperty("rowsProcessed").GetInt64() >= 0);
        Assert.True(response.Body.GetProperty("data").GetProperty("total").GetInt64() > 0);
    }

    [Fact]
    public async Task AMatchingIfNoneMatchIsAnswered304WithTheSameValidators()
    {
        var path = $"/api/studies/{GatewayFixture.Study}/widgets/{Widget}/data?{UniqueRanges.Next()}";
        using var client = platform.Replica(0);
        var first = await WidgetResponse.GetAsync(client, path);

        var revalidated = await WidgetResponse.GetAsync(client, path, ifNoneMatch: first.EntityTag);
        var otherTag = await WidgetResponse.GetAsync(client, path, ifNoneMatch: "\"0000000000000000\"");

        Assert.StartsWith("\"", first.EntityTag, StringComparison.Ordinal);
        Assert.Equal(["no-cache", "private"], Directives(first.CacheControl));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
        Assert.Empty(revalidated.Text);
        Assert.Equal(first.EntityTag, revalidated.EntityTag);
        Assert.Equal(HttpStatusCode.OK, otherTag.Status);
        Assert.Equal("hit", otherTag.Cache);
    }

    [Fact]
    public async Task ARequestNamingTheCurrentVersionMayBeKeptByTheBrowserAndAnOldOneIsRedirectedToTheCurrent()
    {
        var path = $"/api/studies/{GatewayFixture.Study}/widgets/{Widget}/data?{UniqueRanges.Next()}&f.site=S01";
        using var client = platform.Replica(0);
        var current = (await WidgetResponse.GetAsync(client, path)).DataVersion;
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = client.BaseAddress };
        noRedirects.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        var versioned = await WidgetResponse.GetAsync(client, $"{path}&v={current}");
        using var old = await noRedirects.GetAsync(new Uri($"{path}&v=00000000T000000Z", UriKind.Relative));
        var followed = await WidgetResponse.GetAsync(client, old.Headers.Location!.OriginalString);
        using var twoVersions = await noRedirects.GetAsync(new Uri($"{path}&v={current}&v={current}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, versioned.Status);
        Assert.Equal(current, versioned.DataVersion);
        Assert.Equal(["immutable", "max-age=300", "private"], Directives(versioned.CacheControl));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, old.StatusCode);
        Assert.Equal("no-store", old.Headers.CacheControl?.ToString());
        Assert.Contains($"v={current}", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("f.site=S01", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(current, followed.DataVersion);
        Assert.Equal(HttpStatusCode.BadRequest, twoVersions.StatusCode);
    }

    [Fact]
    public async Task ADashboardAnswersEveryWidgetInRequestOrder()
    {
        using var client = platform.Replica(1);
        var range = UniqueRanges.Next().Split('&').Select(part => part.Split('=')[1]).ToArray();
        var warmed = await WidgetResponse.GetAsync(client, $"/api/studies/{GatewayFixture.Study}/widgets/ae-total/data?from={range[0]}&to={range[1]}");

        using var response = await client.PostAsync(
            new Uri($"/api/studies/{GatewayFixture.Study}/dashboard", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new
            {
                widgets = new object[]
                {
                    new { widgetId = "ae-daily", from = range[0], to = range[1] },
                    new { widgetId = "ae-total", from = range[0], to = range[1] },
                    new { widgetId = "dm-by-arm" },
                },
            }));
        var body = await response.Content.ReadAsByteArrayAsync();
        var answers = System.Text.Json.JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Sent in one piece with its length (a hit and misses alike), not as a chunk per widget.
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(3, answers.GetArrayLength());
        Assert.Contains(":ae-daily:", answers[0].GetProperty("metadata").GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(warmed.Key, answers[1].GetProperty("metadata").GetProperty("key").GetString());
        Assert.Equal("hit", answers[1].GetProperty("metadata").GetProperty("cache").GetString());
        Assert.Equal(warmed.Data, answers[1].GetProperty("data").GetRawText());
        Assert.Contains(":dm-by-arm:", answers[2].GetProperty("metadata").GetProperty("key").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Cache-Control's directives, sorted: HttpClient reorders them as it parses.</summary>
    private static string[] Directives(string? cacheControl) =>
        [.. (cacheControl ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
}
