namespace WidgetPlatform.Data;

/// <summary>
/// Widget tags (docs/design.md §4): the one rule for definitions, messages, the HTTP API and the CLI. A tag is free text — spaces
/// and punctuation included, so "adverse events" and the hierarchical "campaign:123" are tags — of 1 to
/// <see cref="MaxLength"/> characters once the whitespace around it is trimmed, without control characters. Tags match
/// whole, ignoring case and that surrounding whitespace: "campaign" does not match "campaign:123", and '*' is a
/// character, not a wildcard.
/// </summary>
/// <remarks>
/// Unlike an <see cref="Identifier"/>, a tag never becomes part of a Redis key, a file path or a SCAN pattern (widgets are
/// selected by comparing tags in memory, then invalidated by widget id), so ':' or '*' cannot break anything. Control
/// characters are refused because tags are echoed into logs, problem details and terminals, where a newline or an escape
/// sequence would forge or garble a line. Case is ignored because a missed match leaves stale answers silently, while an
/// extra one costs a recomputation.
/// </remarks>
public static class Tag
{
    /// <summary>Counted in UTF-16 code units, as .NET and JavaScript count a string's length.</summary>
    public const int MaxLength = 256;

    /// <summary>The rule in words, ending every refusal.</summary>
    public const string Rule = "a tag is 1 to 256 characters once leading and trailing whitespace is trimmed, with no control characters";

    /// <summary>Equality as the rule has it: ignoring case and the whitespace around a tag.</summary>
    public static IEqualityComparer<string> Comparer { get; } = new TagComparer();

    /// <summary>Null when <paramref name="value"/> is a tag; otherwise why not, starting with <paramref name="field"/>.</summary>
    public static string? FindError(string? value, string field) =>
        Problem(value) is { } problem ? $"{field} {problem}: {Rule}." : null;

    /// <summary>A valid tag as it is sent and announced: without the whitespace around it.</summary>
    public static string Normalize(string tag) => tag.Trim();

    // The value itself is not repeated: empty, overlong or control-laden, it would say nothing or garble the message.
    private static string? Problem(string? value)
    {
        if (value is null)
        {
            return "is missing";
        }

        var tag = value.AsSpan().Trim();
        if (tag.IsEmpty)
        {
            return "is empty";
        }

        if (tag.Length > MaxLength)
        {
            return $"has {tag.Length} characters";
        }

        for (var index = 0; index < tag.Length; index++)
        {
            if (char.IsControl(tag[index]))
            {
                return $"contains the control character U+{(int)tag[index]:X4} at position {index + 1}";
            }
        }

        return null;
    }
}
