using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Query.Requests;
using WidgetPlatform.Query.Responses;
using WidgetPlatform.Query.Tracking;

namespace WidgetPlatform.Query.Apis;

/// <summary>What the data endpoints need, bundled so their handlers stay static.</summary>
public sealed class WidgetDataServices(
    DataQueries queries,
    WidgetRequests requests,
    CurrentVersions versions,
    WidgetCache cache,
    BrowserCaching browserCaching,
    ActiveCombinations active,
    CacheCounters counters,
    ILogger<WidgetDataServices> logger)
{
    public DataQueries Queries { get; } = queries;

    public WidgetRequests Requests { get; } = requests;

    public CurrentVersions Versions { get; } = versions;

    public WidgetCache Cache { get; } = cache;

    public BrowserCaching BrowserCaching { get; } = browserCaching;

    public ActiveCombinations Active { get; } = active;

    public CacheCounters Counters { get; } = counters;

    public ILogger Logger { get; } = logger;
}
