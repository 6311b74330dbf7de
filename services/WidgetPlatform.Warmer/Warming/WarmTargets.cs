using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Tracking;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Warmer.Warming;

/// <summary>
/// What a study's warm covers (docs/design.md §7): the combinations users requested most recently, as the gateway tracks them in
/// <c>active:{study}</c>, every <c>priority</c> widget unfiltered, every widget's <c>warmRanges</c>, and the named ranges an
/// operator's warm request asks for — ranges resolved against today (UTC).
/// </summary>
public sealed class WarmTargets(IConnectionMultiplexer redis, WidgetCatalog catalog, TimeProvider time)
{
    /// <param name="requested">An operator's named ranges and filters, for the wanted widgets that have a time column.</param>
    public async Task<IReadOnlyList<WarmTarget>> ForStudyAsync(
        string studyId, IReadOnlyCollection<string>? onlyWidgets, int maxActive, RequestedViews? requested = null)
    {
        var widgets = await catalog.ListAsync(studyId);
        var known = widgets.Select(widget => widget.WidgetId).ToHashSet(StringComparer.Ordinal);
        bool Wanted(string widgetId) => known.Contains(widgetId) && (onlyWidgets is null || onlyWidgets.Contains(widgetId));

        var targets = new List<WarmTarget>();
        var members = await redis.GetDatabase().SortedSetRangeByRankAsync(RedisKeys.ActiveCombinations(studyId), 0, maxActive - 1, Order.Descending);
        foreach (var member in members)
        {
            if (Parse(member.ToString()) is { } target && Wanted(target.WidgetId))
            {
                targets.Add(target);
            }
        }

        targets.AddRange(widgets.Where(widget => widget.Priority && Wanted(widget.WidgetId))
            .Select(widget => new WarmTarget(widget.WidgetId, WidgetQuery.Unfiltered)));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var widget in widgets.Where(widget => Wanted(widget.WidgetId)))
        {
            targets.AddRange((widget.WarmRanges ?? []).Where(NamedRange.IsKnown).Select(range => new WarmTarget(widget.WidgetId, NamedRange.Query(range, today))));
            if (requested is not null && widget.TimeColumn is not null)
            {
                targets.AddRange(requested.Ranges.Select(range => new WarmTarget(widget.WidgetId, NamedRange.Query(range, today, requested.Filters))));
            }
        }

        return [.. targets.DistinctBy(target => (target.WidgetId, Describe(target.Query)))];
    }

    private static WarmTarget? Parse(string member) =>
        ActiveCombination.FromJson(member) is { } combination && combination.ToQuery() is { } query
            ? new WarmTarget(combination.WidgetId, query)
            : null;

    private static string Describe(WidgetQuery query) =>
        $"{query.From}|{query.To}|{string.Join(';', query.Filters.OrderBy(filter => filter.Key, StringComparer.Ordinal).Select(filter => $"{filter.Key}={string.Join(',', filter.Value)}"))}";
}

/// <summary>Views an operator asked to warm: named ranges (<see cref="NamedRange"/>), each with the same filters.</summary>
public sealed record RequestedViews(IReadOnlyList<string> Ranges, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters);
