using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Cli.Tests;

[Collection(CliPlatform.Name)]
public sealed class InvalidateCommandTests(CliPlatformFixture platform)
{
    private const string Study = CliPlatformFixture.Study;

    [Fact]
    public async Task InvalidateIsAcceptedAndThePlatformCarriesItOut()
    {
        var gateway = platform.Gateway();
        var widget = (await GatewayProbe.WidgetsAsync(gateway, Study))[^1].GetProperty("widgetId").GetString()!;
        await using var events = await StudyEventReader.OpenAsync(gateway, Study);

        var run = await platform.RunAsync("invalidate", "--study", Study, "--widget", widget);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Accepted (202)", run.Out, StringComparison.Ordinal);
        Assert.Contains(widget, run.Out, StringComparison.Ordinal);
        // The 202 only says the request was published: the invalidation service's CacheInvalidated, relayed as version-changed, says it happened.
        await events.NextAsync(
            "version-changed",
            data => data.TryGetProperty("widgetIds", out var ids) && ids.ValueKind == System.Text.Json.JsonValueKind.Array
                && ids.EnumerateArray().Any(id => id.GetString() == widget),
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task InvalidateByTagsThatAreNotIdentifiersRecomputesExactlyTheTaggedWidgets()
    {
        var gateway = platform.Gateway();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        await using var events = await StudyEventReader.OpenAsync(gateway, Study);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        (string Widget, string Tag)[] tagged = [($"cli-campaign-{suffix}", "campaign:123"), ($"cli-adverse-{suffix}", "adverse events")];
        var lookAlike = $"cli-look-alike-{suffix}";
        (string Widget, string Tag)[] widgets = [.. tagged, (lookAlike, "campaign:1234")];
        try
        {
            foreach (var (widget, tag) in widgets)
            {
                await GatewayProbe.PutTaggedWidgetAsync(gateway, Study, widget, tag);
                // Its configuration change bumps its epoch: wait for it, or it could land on the answers compared below.
                await events.NextAsync("version-changed", data => WidgetIds(data).SequenceEqual([widget]), TimeSpan.FromSeconds(30));
                await GatewayProbe.AnswerAsync(gateway, Study, widget);
            }

            var before = await ReadAsync(gateway, redis.GetDatabase(), widgets);
            Assert.All(before.Values, answer => Assert.Equal("hit", answer.Answer.Cache));

            var run = await platform.RunAsync("invalidate", "--study", Study, "--tag", "campaign:123", "--tag", "adverse events");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("widgets tagged \"campaign:123\", \"adverse events\"", run.Out, StringComparison.Ordinal);
            var announced = await events.NextAsync("version-changed", data => data.GetProperty("scope").GetString() == "tags", TimeSpan.FromSeconds(30));
            Assert.Equal(tagged.Select(widget => widget.Widget).Order(StringComparer.Ordinal), WidgetIds(announced));
            var after = await ReadAsync(gateway, redis.GetDatabase(), widgets);
            foreach (var (widget, _) in tagged)
            {
                Assert.Equal(before[widget].Epoch + 1, after[widget].Epoch);
                Assert.NotEqual(before[widget].Answer.CalculatedAt, after[widget].Answer.CalculatedAt);
            }

            Assert.Equal(before[lookAlike], after[lookAlike]);
        }
        finally
        {
            foreach (var (widget, _) in widgets)
            {
                await GatewayProbe.DeleteWidgetAsync(gateway, Study, widget);
            }
        }
    }

    [Fact]
    public async Task AViewerTokenCannotInvalidate()
    {
        var run = await CliPlatformFixture.RunBareAsync(
            "invalidate", "--study", Study, "--url", platform.GatewayUrl.ToString(), "--token", platform.Host.DevTokens.Viewer);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("403", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    private static IEnumerable<string?> WidgetIds(JsonElement invalidation) =>
        invalidation.GetProperty("widgetIds").EnumerateArray().Select(id => id.GetString());

    /// <summary>Each widget's answer and its epoch in Redis: what an invalidation changes.</summary>
    private static async Task<Dictionary<string, (WidgetAnswer Answer, long Epoch)>> ReadAsync(
        HttpClient gateway, IDatabase redis, IEnumerable<(string Widget, string Tag)> widgets)
    {
        var read = new Dictionary<string, (WidgetAnswer, long)>(StringComparer.Ordinal);
        foreach (var (widget, _) in widgets)
        {
            read[widget] = (await GatewayProbe.AnswerAsync(gateway, Study, widget), (long?)await redis.HashGetAsync(RedisKeys.WidgetEpochs(Study), widget) ?? 0);
        }

        return read;
    }
}
