using WidgetPlatform.Data;

namespace WidgetPlatform.Caching.Keys;

/// <summary>
/// The key of one cached widget answer (docs/design.md §5): <c>widget:{&lt;studyId&gt;}:&lt;widgetId&gt;:&lt;dataVersion&gt;:&lt;filterHash&gt;</c>.
/// The braces are Redis Cluster's hash tag: every key of a study lands in one slot, so a Lua script may touch them together.
/// </summary>
public sealed record WidgetCacheKey(string StudyId, string WidgetId, string DataVersion, string FilterHash)
{
    internal const string Prefix = "widget:";

    public string Value { get; } = $"{Prefix}{{{StudyId}}}:{WidgetId}:{DataVersion}:{FilterHash}";

    /// <summary>This key's member of its widget's index (<see cref="RedisKeys.WidgetIndex"/>): the key without its widget's prefix.</summary>
    public string IndexMember => $"{DataVersion}:{FilterHash}";

    /// <summary>What every key of one widget starts with; its index members complete it.</summary>
    public static string WidgetPrefix(string studyId, string widgetId) => $"{Prefix}{{{studyId}}}:{widgetId}:";

    public override string ToString() => Value;

    /// <summary>
    /// A key named from outside (an admin's request, a message, the CLI): one of ours whose study and widget are identifiers;
    /// null otherwise.
    /// </summary>
    public static WidgetCacheKey? ParseNamed(string? key) =>
        Parse(key ?? "") is { } parsed && Identifier.IsValid(parsed.StudyId) && Identifier.IsValid(parsed.WidgetId) ? parsed : null;

    /// <summary>Reads a key back; null when <paramref name="key"/> is not one of ours.</summary>
    public static WidgetCacheKey? Parse(string key)
    {
        if (!key.StartsWith(Prefix + "{", StringComparison.Ordinal))
        {
            return null;
        }

        var close = key.IndexOf('}', Prefix.Length);
        if (close < 0 || close + 2 > key.Length)
        {
            return null;
        }

        var parts = key[(close + 2)..].Split(':');
        return parts.Length == 3 && key[close + 1] == ':'
            ? new WidgetCacheKey(key[(Prefix.Length + 1)..close], parts[0], parts[1], parts[2])
            : null;
    }
}
