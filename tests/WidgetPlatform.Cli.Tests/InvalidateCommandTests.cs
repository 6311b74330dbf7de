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
    public async Task InvalidateByTagIsAccepted()
    {
        var run = await platform.RunAsync("invalidate", "--study", Study, "--tag", "vitals");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("widgets tagged vitals", run.Out, StringComparison.Ordinal);
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
}
