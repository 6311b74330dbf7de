using System.Globalization;
using System.Text.Json;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.Caching.Tracking;

/// <summary>
/// A widget + request combination users asked for, independent of the data version, so the warmer can recompute it for the
/// next version (docs/design.md §7). Its JSON is a member of the study's <c>active:{study}</c> sorted set: the gateway writes it,
/// the warmer reads it.
/// </summary>
public sealed record ActiveCombination(string WidgetId, string? From, string? To, IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters)
{
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ActiveCombination Of(WidgetRequest request) => new(
        request.Definition.WidgetId,
        request.Query.From?.ToString(DateFormat, CultureInfo.InvariantCulture),
        request.Query.To?.ToString(DateFormat, CultureInfo.InvariantCulture),
        new SortedDictionary<string, IReadOnlyList<string>>(
            request.Query.Filters.ToDictionary(filter => filter.Key, filter => (IReadOnlyList<string>)[.. filter.Value.Order(StringComparer.Ordinal)]),
            StringComparer.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a member back; null when it is malformed, which is skipped rather than fatal.</summary>
    public static ActiveCombination? FromJson(string json)
    {
        try
        {
            var combination = JsonSerializer.Deserialize<ActiveCombination>(json, Json);
            return combination?.WidgetId is null ? null : combination;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The request this combination stands for; null when its dates are malformed.</summary>
    public WidgetQuery? ToQuery() =>
        TryDate(From, out var from) && TryDate(To, out var to)
            ? new WidgetQuery { From = from, To = to, Filters = Filters ?? new Dictionary<string, IReadOnlyList<string>>() }
            : null;

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        var parsed = DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value);
        date = value;
        return parsed;
    }
}
