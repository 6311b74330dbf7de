using System.Text.Json;
using WidgetPlatform.Caching.Computing;

namespace WidgetPlatform.Query.Tracking;

/// <summary>
/// A widget + request combination users asked for, independent of the data version, so the warmer can recompute it for the
/// next version (DESIGN §7). Its JSON is the member of the study's <c>active:{study}</c> sorted set.
/// </summary>
public sealed record ActiveCombination(string WidgetId, string? From, string? To, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ActiveCombination Of(WidgetRequest request) => new(
        request.Definition.WidgetId,
        request.Query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        request.Query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        new SortedDictionary<string, IReadOnlyList<string>>(
            request.Query.Filters.ToDictionary(filter => filter.Key, filter => (IReadOnlyList<string>)[.. filter.Value.Order(StringComparer.Ordinal)]),
            StringComparer.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ActiveCombination? FromJson(string json) => JsonSerializer.Deserialize<ActiveCombination>(json, Json);
}
