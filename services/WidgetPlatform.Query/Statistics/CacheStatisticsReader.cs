using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Query.Statistics;

/// <summary>Assembles the statistics reports from what every process published and what Redis says about itself.</summary>
public sealed class CacheStatisticsReader(
    FleetStatisticsStore fleet, IConnectionMultiplexer redis, ManifestMirror mirror, WidgetCatalog catalog, CurrentVersions versions, TimeProvider time)
{
    public async Task<CacheStatisticsReport> FleetAsync()
    {
        var instances = await ReadFleetAsync();
        return CacheStatisticsReport.Create(
            instances.Aggregate(new CounterSnapshot(), (sum, instance) => sum.Add(instance.Counters)),
            await RedisFigures.ReadAsync(redis),
            await ActiveCombinationsAsync(),
            [.. instances.Select(instance => instance.Instance).Order(StringComparer.Ordinal)]);
    }

    public async Task<StudyStatistics> StudyAsync(string studyId)
    {
        var widgets = await catalog.ListAsync(studyId);
        var view = await versions.ViewAsync(studyId);
        var database = redis.GetDatabase();
        var perWidget = new List<WidgetStatistics>();
        foreach (var widget in widgets.OrderBy(widget => widget.WidgetId, StringComparer.Ordinal))
        {
            perWidget.Add(new WidgetStatistics(
                widget.WidgetId,
                view.Of(widget.Layer, widget.Dataset),
                await database.SetLengthAsync(RedisKeys.WidgetIndex(studyId, widget.WidgetId))));
        }

        return new StudyStatistics(
            studyId,
            await mirror.ReadAsync(studyId),
            perWidget.Sum(widget => widget.CachedEntries),
            await database.SortedSetLengthAsync(RedisKeys.ActiveCombinations(studyId)),
            perWidget);
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
