namespace WidgetPlatform.Query.Entries;

/// <summary>
/// One cache entry as an admin inspects it: what it answers (widget, data version, canonical filter), its size and the memory
/// Redis says it takes, when it was computed and in how long, how long it has left, and how many answers it served.
/// </summary>
/// <param name="Current">Whether its data version is the one the widget answers from now: an older one only waits to expire.</param>
/// <param name="Hits">Answers served from it today and yesterday, UTC (hits and stale answers, by every gateway replica, counted within a second or so).</param>
public sealed record EntryDetails(
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

/// <summary>One entry in a widget's listing.</summary>
public sealed record EntrySummary(string Key, string DataVersion, long SizeBytes, double? TtlLeftSeconds, long Hits);

/// <summary>
/// A widget's entries: <see cref="Total"/> in its index, the first <see cref="Entries"/> of them in index order, and whether
/// more are left.
/// </summary>
public sealed record EntryListing(string StudyId, string WidgetId, long Total, bool Truncated, IReadOnlyList<EntrySummary> Entries);
