using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;
using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.IntegrationTests.Freshness;
using WidgetPlatform.IntegrationTests.Gateway;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>
/// Three widgets of the demo study, defined through the admin API as a user tags them: one tagged "campaign:123", one
/// "adverse events", and one "campaign:1234" that only looks like the first. Deleted again on dispose, since the demo study's
/// widget files are counted elsewhere.
/// </summary>
internal sealed class TaggedWidgets : IAsyncDisposable
{
    public const string Study = DemoStudy.StudyId;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _admin;

    private TaggedWidgets(HttpClient admin, string suffix)
    {
        _admin = admin;
        Campaign = $"tagged-campaign-{suffix}";
        AdverseEvents = $"tagged-adverse-{suffix}";
        LookAlike = $"tagged-look-alike-{suffix}";
    }

    public string Campaign { get; }

    public string AdverseEvents { get; }

    public string LookAlike { get; }

    /// <summary>The widgets an invalidation of "campaign:123" and "adverse events" must cover, as CacheInvalidated lists them.</summary>
    public IReadOnlyList<string> Tagged => [.. new[] { Campaign, AdverseEvents }.Order(StringComparer.Ordinal)];

    private IEnumerable<string> All => [Campaign, AdverseEvents, LookAlike];

    /// <summary>Defines the widgets and returns once the gateway has announced each definition's invalidation.</summary>
    public static async Task<TaggedWidgets> CreateAsync(HttpClient admin, StudyEventListener events)
    {
        var widgets = new TaggedWidgets(admin, Guid.NewGuid().ToString("N")[..8]);
        foreach (var (widgetId, tag) in new[] { (widgets.Campaign, "campaign:123"), (widgets.AdverseEvents, "adverse events"), (widgets.LookAlike, "campaign:1234") })
        {
            using var response = await admin.PutAsJsonAsync(
                $"/api/studies/{Study}/widgets/{widgetId}",
                new { widgetId, type = "metric", dataset = "AE", measure = new { op = "count" }, tags = new[] { tag } });
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {widgetId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

            // Its configuration change bumps its epoch: wait for it, or it could land on the answers the test compares.
            await events.NextAsync(name => name == "version-changed", data => WidgetIds(data).SequenceEqual([widgetId]), Timeout);
        }

        return widgets;
    }

    /// <summary>Computes and stores each widget's answer, then reads them back as hits.</summary>
    public async Task<IReadOnlyDictionary<string, CachedAnswer>> CacheAsync(IDatabase redis)
    {
        foreach (var widgetId in All)
        {
            var answer = await WidgetResponse.GetAsync(_admin, DataPath(widgetId));
            Assert.True(answer.Status == HttpStatusCode.OK, $"{widgetId}: {(int)answer.Status} {answer.Text}");
        }

        var cached = await ReadAsync(redis);
        Assert.All(cached.Values, answer => Assert.Equal("hit", answer.Cache));
        return cached;
    }

    /// <summary>Each widget's answer now, and its epoch: what an invalidation changes.</summary>
    public async Task<IReadOnlyDictionary<string, CachedAnswer>> ReadAsync(IDatabase redis)
    {
        var answers = new Dictionary<string, CachedAnswer>(StringComparer.Ordinal);
        foreach (var widgetId in All)
        {
            var answer = await WidgetResponse.GetAsync(_admin, DataPath(widgetId));
            var epoch = (long?)await redis.HashGetAsync(RedisKeys.WidgetEpochs(Study), widgetId) ?? 0;
            answers[widgetId] = new CachedAnswer(answer.Cache, answer.CalculatedAt, epoch);
        }

        return answers;
    }

    public static IEnumerable<string?> WidgetIds(System.Text.Json.JsonElement invalidation) =>
        invalidation.GetProperty("widgetIds").EnumerateArray().Select(id => id.GetString());

    public async ValueTask DisposeAsync()
    {
        foreach (var widgetId in All)
        {
            using var response = await _admin.DeleteAsync(new Uri($"/api/studies/{Study}/widgets/{widgetId}", UriKind.Relative));
        }
    }

    private static string DataPath(string widgetId) => $"/api/studies/{Study}/widgets/{widgetId}/data";
}

/// <summary>A widget's answer as the gateway gave it, and the widget's epoch in Redis.</summary>
internal sealed record CachedAnswer(string Cache, string CalculatedAt, long Epoch);
