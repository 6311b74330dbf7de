using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.Query.Statistics;

/// <summary>Reads the reported windows (<see cref="TrafficWindow.Reported"/>) of the fleet, a study, or one widget.</summary>
public sealed class TrafficWindowsReader(TrafficReader traffic, TimeProvider time)
{
    public async Task<TrafficWindows<FleetTrafficFigures>> FleetAsync()
    {
        var now = time.GetUtcNow();
        var counts = await Task.WhenAll(TrafficWindow.Reported.Select(window => traffic.FleetAsync(window, now)));
        return Windows(counts.Select(FleetTrafficFigures.Of).ToArray(), await traffic.SinceAsync(RedisKeys.FleetTrafficScope));
    }

    /// <summary>The study's windows (its widgets summed), and each widget's, for the widgets named.</summary>
    public async Task<(TrafficWindows<TrafficFigures> Study, IReadOnlyDictionary<string, TrafficWindows<TrafficFigures>> Widgets)> StudyAsync(
        string studyId, IReadOnlyCollection<string> widgetIds)
    {
        var now = time.GetUtcNow();
        var perWindow = await Task.WhenAll(TrafficWindow.Reported.Select(window => traffic.StudyAsync(studyId, window, now)));
        var since = await traffic.SinceAsync(studyId);
        var study = Windows(perWindow.Select(widgets => TrafficFigures.Of(TrafficCounts.Sum(widgets.Values))).ToArray(), since);
        var widgets = widgetIds.ToDictionary(
            widgetId => widgetId,
            widgetId => Windows(perWindow.Select(widgets => TrafficFigures.Of(widgets.GetValueOrDefault(widgetId, TrafficCounts.Empty))).ToArray(), since),
            StringComparer.Ordinal);
        return (study, widgets);
    }

    private static TrafficWindows<T> Windows<T>(T[] figures, DateTimeOffset? since) => new(figures[0], figures[1], figures[2], figures[3], since);
}
