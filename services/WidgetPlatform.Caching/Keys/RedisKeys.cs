using WidgetPlatform.Contracts;

namespace WidgetPlatform.Caching.Keys;

/// <summary>
/// Every Redis key the platform writes besides the widget entries themselves. All of a study's keys carry its hash tag
/// <c>{studyId}</c>, so scripts that touch several of them stay within one Redis Cluster slot (docs/design.md §9).
/// </summary>
public static class RedisKeys
{
    /// <summary>Hash: <c>source/AE</c> → version, one field per dataset; written only by the invalidation service.</summary>
    public static string Manifest(string studyId) => $"manifest:{{{studyId}}}";

    /// <summary>Hash: widgetId → a counter bumped by every invalidation that keeps keys (manual, tags): the write fence.</summary>
    public static string WidgetEpochs(string studyId) => $"epochs:{{{studyId}}}";

    /// <summary>
    /// Set of the entries stored for one widget, as <c>version:hash</c> (<see cref="WidgetCacheKey.IndexMember"/>): what manual
    /// invalidation and the superseded-key cleanup remove. Members do not repeat the widget's prefix, which halves what the
    /// index costs per entry; a member written whole by an earlier release (it starts with <c>widget:</c>) is read as it is.
    /// </summary>
    public static string WidgetIndex(string studyId, string widgetId) => $"{IndexPrefix}{{{studyId}}}:{widgetId}";

    /// <summary>What the members of the index named <paramref name="index"/> complete into entry keys: <c>index:{S}:w</c> → <c>widget:{S}:w:</c>.</summary>
    public static string EntryPrefixOfIndex(string index) => $"{WidgetCacheKey.Prefix}{index[IndexPrefix.Length..]}:";

    /// <summary>The entry key a member of the index named <paramref name="index"/> names (as <see cref="EntryOfIndexMemberLua"/> does).</summary>
    public static string EntryOfIndexMember(string index, string member) =>
        member.StartsWith(WidgetCacheKey.Prefix, StringComparison.Ordinal) ? member : EntryPrefixOfIndex(index) + member;

    /// <summary>
    /// Lua, for scripts over a widget's index given its <see cref="WidgetCacheKey.WidgetPrefix"/> as <c>@prefix</c>:
    /// <c>entry_of(member)</c> is the entry key a member names. A member written whole by an earlier release is one already.
    /// </summary>
    public const string EntryOfIndexMemberLua = """
        local function entry_of(member)
          if string.sub(member, 1, 7) == 'widget:' then return member end
          return @prefix .. member
        end

        """;

    private const string IndexPrefix = "index:";

    /// <summary>The stampede lock of one entry; its value is the holder's token.</summary>
    public static string Lock(WidgetCacheKey key) => $"lock:{key.Value}";

    /// <summary>Pub/sub channel on which every lock release publishes the lock's key, so waiters wake without polling.</summary>
    public static readonly StackExchange.Redis.RedisChannel LockReleasedChannel = StackExchange.Redis.RedisChannel.Literal("lock-released");

    /// <summary>Sorted set of recently requested widget + filter combinations, scored by last request time (docs/design.md §7).</summary>
    public static string ActiveCombinations(string studyId) => $"active:{{{studyId}}}";

    /// <summary>
    /// Daily partials of one widget shape over one dataset version, shared by every replica; <paramref name="hash"/> names the
    /// version, measure, dimension, time column and filters (docs/cache.md, "One pass per upload").
    /// </summary>
    public static string SharedPartials(string studyId, string hash) => $"partials:{{{studyId}}}:{hash}";

    /// <summary>Hashes of the study's widget shapes whose daily partials came out wide (a cell per few rows): scanned directly.</summary>
    public static string WideShapes(string studyId) => $"partials-wide:{{{studyId}}}";

    /// <summary>
    /// A dataset version whose pass the warmer has not claimed yet (value: the version; expires after the claim window). A
    /// gateway's miss on that version waits for the claim instead of scanning on its own (docs/cache.md, "One pass per upload").
    /// </summary>
    public static string PendingPass(string studyId, DatasetLayer layer, string dataset) => PendingPassPrefix(studyId) + ManifestField(layer, dataset);

    /// <summary><see cref="PendingPass"/> without the manifest field, for scripts that append it.</summary>
    public static string PendingPassPrefix(string studyId) => $"pass:{{{studyId}}}:";

    /// <summary>
    /// Hash of traffic counters (<c>Statistics.Traffic.TrafficFields</c>) of one scope — a study (fields per widget,
    /// <c>widgetId/field</c>) or the fleet (<see cref="FleetTrafficScope"/>) — in one time bucket: <paramref name="resolution"/>
    /// is <c>5s</c> or <c>1m</c> and <paramref name="bucket"/> its number since the Unix epoch.
    /// </summary>
    public static string TrafficBucket(string scope, string resolution, long bucket) => $"traffic:{{{scope}}}:{resolution}:{bucket}";

    /// <summary>Hash of one scope's traffic counters since the statistics started (a process restart keeps them).</summary>
    public static string TrafficTotal(string scope) => $"traffic:{{{scope}}}:total";

    /// <summary>Sorted set of a study's invalidations, scored by their Unix milliseconds, trimmed to the last hour and the latest.</summary>
    public static string InvalidationHistory(string studyId) => $"traffic:{{{studyId}}}:invalidations";

    /// <summary>
    /// Hash of a study's answers served per entry on one UTC day (field: <c>widgetId/version:hash</c>), kept two days: one
    /// hash per day, so that the fields of entries nobody asks for any more go with their day.
    /// </summary>
    public static string EntryHits(string studyId, DateOnly day) => $"traffic:{{{studyId}}}:entry-hits:{day:yyyyMMdd}";

    /// <summary>The traffic scope of the whole fleet: <c>*</c> is never a study identifier.</summary>
    public const string FleetTrafficScope = "*";

    /// <summary>Set of the studies that have a manifest mirror, so nothing needs SCAN to find them.</summary>
    public const string Studies = "studies";

    /// <summary>The manifest hash field of one dataset.</summary>
    public static string ManifestField(DatasetLayer layer, string dataset) => $"{DatasetLayers.Name(layer)}/{dataset}";
}
