using System.Globalization;

namespace WidgetPlatform.LoadBenchmarks.Platform;

/// <summary>Widget + filter combinations of a demo study, as data paths a dashboard would request.</summary>
internal static class Combinations
{
    /// <summary>Twelve widgets of the demo study that read AE, the dataset an upload replaces.</summary>
    public static readonly string[] AdverseEventWidgets =
    [
        "ae-total", "ae-serious", "ae-subjects", "ae-avg-duration", "ae-by-severity", "ae-subjects-by-site",
        "ae-dose-by-term", "ae-daily", "ae-weekly-serious", "ae-monthly-max-duration", "ae-monthly-avg-dose", "ae-top-subjects",
    ];

    private static readonly DateOnly FirstDay = new(2023, 1, 1);

    /// <summary>
    /// <paramref name="count"/> distinct combinations: the twelve widgets in turn, each with its own date window (a
    /// quarter, sliding by a day), every other one also filtered to a site.
    /// </summary>
    public static IReadOnlyList<string> DateWindows(string studyId, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var widget = AdverseEventWidgets[i % AdverseEventWidgets.Length];
            var from = FirstDay.AddDays(i / AdverseEventWidgets.Length);
            var site = i / AdverseEventWidgets.Length % 2 == 1 ? $"&f.site=S{(i % 20) + 1:00}" : "";
            return $"/api/studies/{studyId}/widgets/{widget}/data?from={Day(from)}&to={Day(from.AddDays(89))}{site}";
        }),
    ];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
