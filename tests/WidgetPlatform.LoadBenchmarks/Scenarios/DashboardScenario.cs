using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;
using WidgetPlatform.LoadBenchmarks.Servers;
using WidgetPlatform.LoadBenchmarks.Tools;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>dashboard_batch: one POST of twelve cached widgets, against the bare endpoint answering the same bytes to the same POST.</summary>
internal sealed class DashboardScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    private static readonly string Path = $"/api/studies/{BenchPlatform.Study}/dashboard";

    public async Task RunAsync()
    {
        var request = JsonSerializer.Serialize(new { widgets = Combinations.AdverseEventWidgets.Select(widgetId => new { widgetId }) });
        var body = await WarmAsync(request);
        Console.WriteLine($"dashboard_batch: {Combinations.AdverseEventWidgets.Length} widgets in one POST, {body.Length:N0} bytes per answer");
        await using var ceiling = await StaticCeiling.StartAsync(new Dictionary<string, byte[]> { ["dashboard"] = body });
        var script = WrkScripts.PostJson(request);
        try
        {
            var results = await AlternatingLoad.RunAsync(
            [
                new LoadTarget("ceiling_static_dashboard", new Uri(ceiling.Url, "/static/dashboard"), null, "bare Kestrel, same POST, same bytes", script),
                new LoadTarget("dashboard_batch", new Uri(platform.Gateway(BenchPlatform.WithL1), Path), platform.ViewerToken, "gateway, 12 hits in one call, JWT", script),
            ], options);
            var ceilingResult = results["ceiling_static_dashboard"];
            var result = results["dashboard_batch"];
            var ceilingSettings = AlternatingLoad.Settings(options, ceilingResult, "bare Kestrel, same POST, same bytes, no auth");
            ceilingSettings["bytes"] = body.Length.ToString(CultureInfo.InvariantCulture);
            report.Add("ceiling_static_dashboard", ceilingResult.RequestsPerSecond, "req/s", settings: ceilingSettings);
            report.Add("ceiling_static_dashboard_p50", ceilingResult.P50Ms, "ms", settings: ceilingSettings);
            report.Add("ceiling_static_dashboard_p99", ceilingResult.P99Ms, "ms", settings: ceilingSettings);
            var settings = AlternatingLoad.Settings(options, result, "12 cached widgets per POST; gateway, JWT");
            settings["bytes"] = body.Length.ToString(CultureInfo.InvariantCulture);
            report.Add("dashboard_batch", result.RequestsPerSecond, "req/s", ceilingResult.RequestsPerSecond, settings);
            report.Add("dashboard_batch_p50", result.P50Ms, "ms", ceilingResult.P50Ms, settings);
            report.Add("dashboard_batch_p99", result.P99Ms, "ms", ceilingResult.P99Ms, settings);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>POSTs the dashboard until all twelve answers are hits; returns that answer's bytes.</summary>
    private async Task<byte[]> WarmAsync(string request)
    {
        using var client = platform.Client(BenchPlatform.WithL1, platform.ViewerToken);
        for (var attempt = 0; ; attempt++)
        {
            using var content = new StringContent(request, System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), content);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsByteArrayAsync();
            using var answers = JsonDocument.Parse(body);
            if (answers.RootElement.EnumerateArray().All(answer => WidgetAnswer.From(response.StatusCode, body, answer).IsHit))
            {
                return body;
            }

            if (attempt == 50)
            {
                throw new InvalidOperationException($"The dashboard never answered twelve hits: {System.Text.Encoding.UTF8.GetString(body)[..200]}");
            }

            await Task.Delay(100);
        }
    }
}
