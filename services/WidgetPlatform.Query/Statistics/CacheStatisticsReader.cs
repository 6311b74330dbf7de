using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Caching.Statistics.Traffic;
using WidgetPlatform.Data.Widgets;
using WidgetPlatform.Query.Alerts;

namespace WidgetPlatform.Query.Statistics;

/// <summary>Assembles the statistics reports from what every process published and what Redis says about itself.</summary>
public sealed class CacheStatisticsReader(
    FleetStatisticsStore fleet,
    IConnectionMultiplexer redis,
    ManifestMirror mirror,
    WidgetCatalog catalog,
    CurrentVersions versions,
    TrafficWindowsReader traffic,
    TrafficReader invalidations,
    AlertBoard alerts,
    TimeProvider time)
{
    public async Task<CacheStatisticsReport> FleetAsync()
    {
        var instances = await ReadFleetAsync();
        return CacheStatisticsReport.Create(
            instances.Aggregate(new CounterSnapshot(), (sum, instance) => sum.Add(instance.Counters)),
            await RedisFigures.ReadAsync(redis),
            await ActiveCombinationsAsync(),
            [.. instances.Select(instance => instance.Instance).Order(StringComparer.Ordinal)],
            await FleetTrafficAsync(),
            alerts.Current);
    }

    public async Task<StudyStatistics> StudyAsync(string studyId)
    {
        var widgets = (await catalog.ListAsync(studyId)).OrderBy(widget => widget.WidgetId, StringComparer.Ordinal).ToList();
        var (studyTraffic, widgetTraffic) = await traffic.StudyAsync(studyId, [.. widgets.Select(widget => widget.WidgetId)]);
        var view = await versions.ViewAsync(studyId);
        var perWidget = new List<WidgetStatistics>();
        foreach (var widget in widgets)
        {
            perWidget.Add(await WidgetAsync(studyId, widget, view, widgetTraffic[widget.WidgetId]));
        }

        var (lastInvalidation, invalidationsLastHour) = await invalidations.InvalidationsAsync(studyId, time.GetUtcNow());
        return new StudyStatistics(
            studyId,
            await mirror.ReadAsync(studyId),
            perWidget.Sum(widget => widget.CachedEntries),
            perWidget.Sum(widget => widget.EntryMemoryBytes),
            await redis.GetDatabase().SortedSetLengthAsync(RedisKeys.ActiveCombinations(studyId)),
            lastInvalidation,
            invalidationsLastHour,
            studyTraffic,
            perWidget);
    }

    /// <summary>One widget's statistics, or null when the study has no such widget.</summary>
    public async Task<WidgetStatistics?> WidgetAsync(string studyId, string widgetId)
    {
        if (await catalog.FindAsync(studyId, widgetId) is not { } widget)
        {
            return null;
        }

        var (_, widgetTraffic) = await traffic.StudyAsync(studyId, [widgetId]);
        return await WidgetAsync(studyId, widget, await versions.ViewAsync(studyId), widgetTraffic[widgetId]);
    }

    private async Task<WidgetStatistics> WidgetAsync(string studyId, WidgetDefinition widget, StudyVersions view, TrafficWindows<TrafficFigures> widgetTraffic)
    {
        var (entries, memory) = await EntryFootprint.MeasureAsync(redis.GetDatabase(), studyId, widget.WidgetId);
        return new WidgetStatistics(widget.WidgetId, view.Of(widget.Layer, widget.Dataset), entries, memory, widgetTraffic);
    }

    private async Task<TrafficWindows<FleetTrafficFigures>?> FleetTrafficAsync()
    {
        try
        {
            return await traffic.FleetAsync();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<InstanceStatistics>> ReadFleetAsync()
    {
        try
        {
            return await fleet.ReadAsync(time.GetUtcNow());
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return [];
        }
    }

    private async Task<long> ActiveCombinationsAsync()
    {
        try
        {
            long active = 0;
            foreach (var studyId in await mirror.StudiesAsync())
            {
                active += await redis.GetDatabase().SortedSetLengthAsync(RedisKeys.ActiveCombinations(studyId));
            }

            return active;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return 0;
        }
    }
}
