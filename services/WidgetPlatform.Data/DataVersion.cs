using System.Globalization;
using System.Text.RegularExpressions;

namespace WidgetPlatform.Data;

/// <summary>Version strings <c>yyyy-MM-dd-HHmmss</c> (UTC) with an optional <c>-NNN</c>; they compare ordinally.</summary>
public static partial class DataVersion
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-\d{6}(-\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) =>
        value is not null && Pattern().IsMatch(value) &&
        DateTime.TryParseExact(value.AsSpan(0, 17), "yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static int Compare(string left, string right) => string.CompareOrdinal(left, right);

    public static string FromTimestamp(DateTime utc, int? sequence = null)
    {
        var text = utc.ToUniversalTime().ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture);
        return sequence is { } n ? $"{text}-{n.ToString("000", CultureInfo.InvariantCulture)}" : text;
    }

    /// <summary>A version for "now" that is strictly greater than <paramref name="latest"/>, so versions only ever grow.</summary>
    public static string Next(DateTime utcNow, string? latest)
    {
        var candidate = FromTimestamp(utcNow);
        if (latest is null || Compare(candidate, latest) > 0)
        {
            return candidate;
        }

        // Same second (or a clock behind the newest version): count up in the -NNN suffix of the newest one.
        var baseText = latest[..17];
        var sequence = latest.Length > 17 ? int.Parse(latest.AsSpan(18), CultureInfo.InvariantCulture) + 1 : 1;
        if (sequence > 999)
        {
            throw new InvalidOperationException($"No version after '{latest}' is available in the same second.");
        }

        return $"{baseText}-{sequence.ToString("000", CultureInfo.InvariantCulture)}";
    }
}
