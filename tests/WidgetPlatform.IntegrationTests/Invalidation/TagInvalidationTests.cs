using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WidgetPlatform.Data;
using WidgetPlatform.IntegrationTests.Freshness;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>
/// Issue 13: tags that are not identifiers — "campaign:123", "adverse events" — invalidate by tag like any other, through
/// the gateway's endpoint (which refused them with 400 before) and through a message on RabbitMQ: the tagged widgets'
/// answers are recomputed and their epochs advance, while a widget tagged "campaign:1234" keeps its answer. A tag that
/// breaks the tag rule is refused with its reason on either path.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class TagInvalidationTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Study = TaggedWidgets.Study;
    private const string ManualInvalidationExchange = "WidgetPlatform.Contracts:ManualInvalidationRequested";
    private const string ManualInvalidationErrorQueue = "invalidation-manual-invalidation-requested_error";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private HttpClient? _admin;
    private InvalidationProbe? _probe;
    private StudyEventListener? _events;

    private HttpClient Admin => _admin!;

    private InvalidationProbe Probe => _probe!;

    private StudyEventListener Events => _events!;

    public async Task InitializeAsync()
    {
        _admin = platform.Host.CreateHttpClient("query", 0, platform.Host.DevTokens.Admin);
        _probe = await InvalidationProbe.StartAsync(platform.Host);
        _events = await StudyEventListener.OpenAsync(_admin, Study);
    }

    public async Task DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }

        _admin?.Dispose();
    }

    [Fact]
    public async Task TheGatewayEndpointInvalidatesWidgetsByTagsThatAreNotIdentifiers()
    {
        await using var widgets = await TaggedWidgets.CreateAsync(Admin, Events);
        var before = await widgets.CacheAsync(Probe.Redis);

        using var response = await Admin.PostAsJsonAsync("/api/cache/invalidations", new { studyId = Study, tags = new[] { "campaign:123", "adverse events" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await AssertOnlyTheTaggedAreRecomputedAsync(widgets, before, ["campaign:123", "adverse events"]);
    }

    [Fact]
    public async Task AMessageOnRabbitMqInvalidatesWidgetsByTheSameTags()
    {
        await using var widgets = await TaggedWidgets.CreateAsync(Admin, Events);
        var before = await widgets.CacheAsync(Probe.Redis);

        // As a pipeline publishes it, plain JSON; the tag rule ignores case and the blanks around a tag.
        await Probe.PublishRawAsync(
            ManualInvalidationExchange,
            $$"""{"studyId":"{{Study}}","tags":["Campaign:123"," adverse events "],"requestedAt":"{{DateTimeOffset.UtcNow:O}}"}""");

        await AssertOnlyTheTaggedAreRecomputedAsync(widgets, before, ["Campaign:123", "adverse events"]);
    }

    [Fact]
    public async Task ABadTagIsA400ProblemNamingItAndTheRule()
    {
        using var response = await Admin.PostAsJsonAsync("/api/cache/invalidations", new { studyId = Study, tags = new[] { "campaign:123", "two\nlines" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reason = Assert.Single(problem.GetProperty("errors").GetProperty("tags[1]").EnumerateArray()).GetString();
        Assert.StartsWith("tags[1] contains the control character U+000A at position 4: a tag is 1 to 256 characters", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadTagInAMessageGoesToTheErrorQueueWithItsReason()
    {
        var marker = Guid.NewGuid().ToString("N");

        await Probe.PublishRawAsync(
            ManualInvalidationExchange,
            $$"""{"studyId":"{{Study}}","tags":["{{new string('t', 257)}}"],"marker":"{{marker}}","requestedAt":"{{DateTimeOffset.UtcNow:O}}"}""");

        var error = await Probe.ErrorAsync(ManualInvalidationErrorQueue, marker);
        Assert.EndsWith("InvalidationRejectedException", error.Headers["MT-Fault-ExceptionType"]);
        Assert.StartsWith("tags[0] has 257 characters: a tag is 1 to 256 characters", error.Headers["MT-Fault-Message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentStatesTheTagRule()
    {
        using var document = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var description = document.RootElement.GetProperty("paths").GetProperty("/api/cache/invalidations").GetProperty("post").GetProperty("description").GetString();
        Assert.Contains(Tag.Rule, description, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits for the gateway's version-changed of the tag invalidation — sent after it dropped its in-process copies — and
    /// compares every widget's answer and epoch with <paramref name="before"/>.
    /// </summary>
    private async Task AssertOnlyTheTaggedAreRecomputedAsync(TaggedWidgets widgets, IReadOnlyDictionary<string, CachedAnswer> before, string[] tags)
    {
        var announced = await Events.NextAsync(name => name == "version-changed", data => data.GetProperty("scope").GetString() == "tags", Timeout);
        Assert.Equal(tags, announced.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(widgets.Tagged, TaggedWidgets.WidgetIds(announced));

        var after = await widgets.ReadAsync(Probe.Redis);
        foreach (var widgetId in widgets.Tagged)
        {
            Assert.Equal(before[widgetId].Epoch + 1, after[widgetId].Epoch);
            Assert.NotEqual(before[widgetId].CalculatedAt, after[widgetId].CalculatedAt);
        }

        Assert.Equal(before[widgets.LookAlike], after[widgets.LookAlike]);
    }
}
