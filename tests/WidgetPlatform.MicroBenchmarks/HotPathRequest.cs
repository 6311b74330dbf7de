using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.MicroBenchmarks;

/// <summary>The request a dashboard repeats most: one breakdown widget over a date range with one filter.</summary>
internal static class HotPathRequest
{
    public const string StudyId = "STUDY-001";
    public const string DataVersion = "2026-11-28-051000";

    public static WidgetDefinition Definition { get; } = DemoWidgets.All().Single(widget => widget.WidgetId == "ae-by-severity");

    public static QueryCollection Query() => new(new Dictionary<string, StringValues>
    {
        ["from"] = "2024-01-01",
        ["to"] = "2024-03-31",
        ["f.site"] = new StringValues(["SITE-03", "SITE-01"]),
    });
}
