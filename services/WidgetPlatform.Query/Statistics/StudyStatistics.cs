namespace WidgetPlatform.Query.Statistics;

/// <summary>One study's cache: its dataset versions, and what is cached and tracked per widget.</summary>
public sealed record StudyStatistics(
    string StudyId,
    IReadOnlyDictionary<string, string> DatasetVersions,
    long CachedEntries,
    long ActiveCombinations,
    IReadOnlyList<WidgetStatistics> Widgets);

public sealed record WidgetStatistics(string WidgetId, string? DataVersion, long CachedEntries);
