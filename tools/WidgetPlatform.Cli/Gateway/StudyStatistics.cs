namespace WidgetPlatform.Cli.Gateway;

/// <summary><c>GET /api/cache/studies/{studyId}/stats</c>.</summary>
public sealed record StudyStatistics(
    string StudyId,
    IReadOnlyDictionary<string, string>? DatasetVersions,
    long CachedEntries,
    long EntryMemoryBytes,
    long ActiveCombinations,
    DateTimeOffset? LastInvalidationAt,
    long InvalidationsLastHour,
    TrafficWindows? Traffic,
    IReadOnlyList<WidgetStatistics>? Widgets);

/// <summary>One widget in <see cref="StudyStatistics"/>, and <c>GET /api/cache/studies/{studyId}/widgets/{widgetId}/stats</c>.</summary>
public sealed record WidgetStatistics(string WidgetId, string? DataVersion, long CachedEntries, long EntryMemoryBytes, TrafficWindows? Traffic);
