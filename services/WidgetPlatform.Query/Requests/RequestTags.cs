using WidgetPlatform.Data;

namespace WidgetPlatform.Query.Requests;

/// <summary>
/// Tags from a request body, checked by the one tag rule (<see cref="Tag"/>) rather than as identifiers: "campaign:123" and
/// "adverse events" are tags a definition may carry, so they must be tags one can invalidate. A bad one is a 400 naming it.
/// </summary>
public static class RequestTags
{
    /// <summary>The tag, trimmed as it is published; throws <see cref="RequestValidationException"/> for <paramref name="field"/>.</summary>
    public static string Require(string? value, string field) =>
        Tag.FindError(value, field) is { } error ? throw RequestValidationException.For(field, error) : Tag.Normalize(value!);
}
