namespace WidgetPlatform.Cli.Gateway;

/// <summary>The body of <c>POST /api/cache/invalidations</c>; <see cref="Layer"/> is "source" or "transformed", with <see cref="Datasets"/>.</summary>
public sealed record InvalidationRequest(
    string StudyId,
    IReadOnlyList<string>? WidgetIds,
    IReadOnlyList<string>? Tags,
    string? Layer = null,
    IReadOnlyList<string>? Datasets = null,
    IReadOnlyList<string>? EntryKeys = null);

/// <summary>The body of <c>POST /api/cache/warmups</c>; ranges are named ranges (last_7_days, …), filters apply to them.</summary>
public sealed record WarmupRequest(
    string? StudyId,
    IReadOnlyList<string>? WidgetIds,
    bool Force,
    IReadOnlyList<string>? Ranges = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null);

/// <summary>The warmer's StudyCacheWarmed, as the gateway relays it in a <c>fresh-data</c> event.</summary>
public sealed record StudyWarmed(string StudyId, int WidgetsWarmed, int EntriesWarmed, long DurationMs, DateTimeOffset WarmedAt);
