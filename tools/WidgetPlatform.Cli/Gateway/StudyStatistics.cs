namespace WidgetPlatform.Cli.Gateway;

/// <summary><c>GET /api/cache/studies/{studyId}/stats</c>.</summary>
public sealed record StudyStatistics(
    string StudyId,
    IReadOnlyDictionary<string, string>? DatasetVersions,
    long CachedEntries,
    long ActiveCombinations,
    IReadOnlyList<WidgetStatistics>? Widgets);

public sealed record WidgetStatistics(string WidgetId, string? DataVersion, long CachedEntries);
