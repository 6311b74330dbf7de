namespace WidgetPlatform.Caching.Keys;

/// <summary>
/// The invalidation service's own bookkeeping in Redis, next to <see cref="RedisKeys"/> so that every key the platform
/// writes is named in this folder. Each carries the study's hash tag, like the keys it is about.
/// </summary>
public static class InvalidationKeys
{
    /// <summary>
    /// Hash: manifest field (<c>source/AE</c>) → the newest version announced by a CacheInvalidated. The manifest hash says
    /// what is current; this says what the rest of the platform has been told, so a handler that died between the two is
    /// finished by the redelivery instead of being taken for a duplicate.
    /// </summary>
    public static string AnnouncedVersions(string studyId) => $"announced:{{{studyId}}}";

    /// <summary>Hash: widgetId → the newest widget revision announced, so older or repeated configuration changes are ignored.</summary>
    public static string AnnouncedRevisions(string studyId) => $"revisions:{{{studyId}}}";

    /// <summary>
    /// Hash: widgetId → the newest widget revision a handler has claimed (compare-and-set, before it publishes), so that of
    /// two copies of one change handled at the same time only one announces it.
    /// </summary>
    public static string ClaimedRevisions(string studyId) => $"revision-claims:{{{studyId}}}";
}
