using WidgetPlatform.Caching.Keys;

namespace WidgetPlatform.Query.Requests;

/// <summary>Entry keys named by an admin: one of the platform's, of the study the request is allowed for.</summary>
public static class RequestEntryKeys
{
    /// <exception cref="RequestValidationException">Not an entry key of <paramref name="studyId"/>; <paramref name="field"/> names it.</exception>
    public static WidgetCacheKey Require(string? key, string studyId, string field) =>
        WidgetCacheKey.ParseNamed(key) is { } parsed && parsed.StudyId == studyId
            ? parsed
            : throw RequestValidationException.For(field, $"'{key}' is not an entry key of study '{studyId}': widget:{{{studyId}}}:widgetId:version:hash, as metadata.key gives it.");
}
