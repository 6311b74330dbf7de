using System.Globalization;
using System.Text.Json;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.Cli.Tests;

[Collection(CliPlatform.Name)]
public sealed class EntryCommandTests(CliPlatformFixture platform)
{
    private const string Study = CliPlatformFixture.Study;
    private const string Widget = "ae-dose-by-term";

    [Fact]
    public async Task AnEntryIsListedShownAndDeleted()
    {
        var gateway = platform.Gateway();
        var from = new DateOnly(2022, 1, 1).AddDays(Random.Shared.Next(0, 700));
        var query = string.Create(CultureInfo.InvariantCulture, $"?from={from:yyyy-MM-dd}&to={from.AddDays(9):yyyy-MM-dd}");
        var key = await KeyAsync(gateway, query);

        var list = await platform.RunAsync("entry", "list", "--study", Study, "--widget", Widget, "--limit", "1000");
        var show = await platform.RunAsync("entry", "show", key);
        var json = await platform.RunAsync("entry", "show", key, "--json");
        var computedAt = CalculatedAt(json.Out);
        var deleted = await platform.RunAsync("entry", "delete", key);
        // The key is an active combination, so the warmer may compute it again right after the deletion: then `show` finds
        // a newer entry under the same key instead of none.
        var gone = await Eventually.UntilAsync(
            () => platform.RunAsync("entry", "show", key, "--json"),
            run => run.Error.Contains("404", StringComparison.Ordinal) || (run.ExitCode == 0 && CalculatedAt(run.Out) > computedAt),
            "entry show answers 404, or shows the entry computed again");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(key, list.Out, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.ToString());
        foreach (var figure in new[] { "Data version", "Memory in Redis", "Computation time", "TTL", "Hits" })
        {
            Assert.Contains(figure, show.Out, StringComparison.Ordinal);
        }

        using (var document = JsonDocument.Parse(json.Out))
        {
            Assert.Equal(Widget, document.RootElement.GetProperty("widgetId").GetString());
        }

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("Accepted (202)", deleted.Out, StringComparison.Ordinal);
        Assert.True(gone.ExitCode == 1 ? gone.Error.Contains("404", StringComparison.Ordinal) : CalculatedAt(gone.Out) > computedAt, gone.ToString());
    }

    private static DateTimeOffset CalculatedAt(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("calculatedAt").GetDateTimeOffset();
    }

    [Fact]
    public async Task NotAnEntryKeyIsBadUsage()
    {
        var run = await platform.RunAsync("entry", "show", "lock:something");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("is not an entry key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidatingADatasetRecomputesTheWidgetsReadingIt()
    {
        var gateway = platform.Gateway();
        var before = await GatewayProbe.AnswerAsync(gateway, Study, "dm-by-arm");

        var run = await platform.RunAsync("invalidate", "--study", Study, "--dataset", "DM", "--layer", "source");
        var after = await Eventually.UntilAsync(() => GatewayProbe.AnswerAsync(gateway, Study, "dm-by-arm"), answer => answer.CalculatedAt != before.CalculatedAt, "dm-by-arm computed again");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("widgets reading source dataset(s) DM", run.Out, StringComparison.Ordinal);
        Assert.NotEqual(before.CalculatedAt, after.CalculatedAt);
    }

    private static async Task<string> KeyAsync(HttpClient gateway, string query)
    {
        using var document = JsonDocument.Parse(await gateway.GetStringAsync(new Uri($"api/studies/{Study}/widgets/{Widget}/data{query}", UriKind.Relative)));
        return document.RootElement.GetProperty("metadata").GetProperty("key").GetString()!;
    }
}
