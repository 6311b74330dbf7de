using System.Text.RegularExpressions;

namespace WidgetPlatform.Data;

/// <summary>Study, widget, dataset and column identifiers (docs/design.md §3): checked before they reach a key, a path or a pattern.</summary>
public static partial class Identifier
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Throws <see cref="InvalidIdentifierException"/> unless <paramref name="value"/> is a valid identifier.</summary>
    public static string Validate(string? value, string kind)
    {
        if (!IsValid(value))
        {
            throw new InvalidIdentifierException(kind, value);
        }

        return value!;
    }
}
