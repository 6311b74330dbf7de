namespace WidgetPlatform.Query.Statistics;

/// <summary>
/// One study's cache: its dataset versions, what is cached and tracked, its invalidations, and its traffic over time — for
/// the study and per widget.
/// </summary>
public sealed record StudyStatistics(
    string StudyId,
    IReadOnlyDictionary<string, string> DatasetVersions,
    long CachedEntries,
    long EntryMemoryBytes,
    long ActiveCombinations,
    DateTimeOffset? LastInvalidationAt,
    long InvalidationsLastHour,
    TrafficWindows<TrafficFigures> Traffic,
    IReadOnlyList<WidgetStatistics> Widgets);

/// <summary>
/// One widget's cache: the data version it answers from, its entries in Redis and the memory they take (Redis's own
/// <c>MEMORY USAGE</c>, measured on up to <see cref="EntryFootprint.Sampled"/> entries and scaled to all), and its traffic.
/// </summary>
public sealed record WidgetStatistics(string WidgetId, string? DataVersion, long CachedEntries, long EntryMemoryBytes, TrafficWindows<TrafficFigures> Traffic);
