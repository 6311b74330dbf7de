using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Widgets;

namespace WidgetPlatform.Caching.Keys;

/// <summary>
/// What a cached answer was computed for, besides the widget and the data version (docs/design.md §5): the widget's revision, the
/// range, and the widget's fixed filters ANDed with the request's. Written as canonical JSON (keys sorted, values sorted and
/// distinct) so that equal requests hash equally however their parameters were ordered.
/// </summary>
public sealed class CanonicalFilter
{
    private const int HashHexLength = 16;

    private CanonicalFilter(ReadOnlySpan<byte> utf8)
    {
        Utf8 = utf8.ToArray();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        Hash = Convert.ToHexStringLower(hash[..(HashHexLength / 2)]);
    }

    /// <summary>The canonical JSON, as text.</summary>
    public string Json => Encoding.UTF8.GetString(Utf8);

    /// <summary>The canonical JSON's UTF-8 bytes: stored in the entry and compared on read, so a hash collision can never answer.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The first 16 hex characters of SHA-256 over <see cref="Utf8"/>.</summary>
    public string Hash { get; }

    private WidgetCacheKey? _lastKey;

    /// <summary>
    /// The key of this filter's answer on <paramref name="dataVersion"/>. The last key made is kept and given again while
    /// it fits: a filter's requests ask for one version at a time, so a cached hit builds no key string.
    /// </summary>
    public WidgetCacheKey KeyFor(string studyId, string widgetId, string dataVersion)
    {
        var last = Volatile.Read(ref _lastKey);
        if (last is not null && last.DataVersion == dataVersion && last.WidgetId == widgetId && last.StudyId == studyId)
        {
            return last;
        }

        var key = new WidgetCacheKey(studyId, widgetId, dataVersion, Hash);
        Volatile.Write(ref _lastKey, key);
        return key;
    }

    public static CanonicalFilter Create(WidgetDefinition definition, WidgetQuery query)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            // Properties in ordinal order: filters, from, revision, to.
            json.WriteStartObject();
            json.WriteStartObject("filters");
            foreach (var (column, values) in Merge(definition.Filters, query.Filters))
            {
                json.WriteStartArray(column);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            WriteDate(json, "from", query.From);
            json.WriteNumber("revision", definition.Revision);
            WriteDate(json, "to", query.To);
            json.WriteEndObject();
        }

        return new CanonicalFilter(buffer.WrittenSpan);
    }

    /// <summary>A column filtered by both the widget and the request must satisfy both: the intersection of the two sets.</summary>
    private static SortedDictionary<string, SortedSet<string>> Merge(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fixedFilters, IReadOnlyDictionary<string, IReadOnlyList<string>> requestFilters)
    {
        var merged = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (column, values) in (fixedFilters ?? new Dictionary<string, IReadOnlyList<string>>()).Concat(requestFilters))
        {
            var set = new SortedSet<string>(values, StringComparer.Ordinal);
            if (merged.TryGetValue(column, out var existing))
            {
                existing.IntersectWith(set);
            }
            else
            {
                merged[column] = set;
            }
        }

        return merged;
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            json.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
