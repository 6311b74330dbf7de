namespace WidgetPlatform.Cli.Gateway;

/// <summary><c>GET /api/cache/studies/{studyId}/entries/{key}</c>.</summary>
public sealed record CacheEntryDetails(
    string Key,
    string StudyId,
    string WidgetId,
    string DataVersion,
    bool Current,
    string Filter,
    long SizeBytes,
    long AnswerBytes,
    bool Compressed,
    long? MemoryBytes,
    DateTimeOffset CalculatedAt,
    int TtlSeconds,
    double? TtlLeftSeconds,
    double? ComputationMs,
    long? RowsProcessed,
    long Hits);

/// <summary><c>GET /api/cache/studies/{studyId}/widgets/{widgetId}/entries</c>.</summary>
public sealed record CacheEntryListing(string StudyId, string WidgetId, long Total, bool Truncated, IReadOnlyList<CacheEntrySummary>? Entries);

public sealed record CacheEntrySummary(string Key, string DataVersion, long SizeBytes, double? TtlLeftSeconds, long Hits);
