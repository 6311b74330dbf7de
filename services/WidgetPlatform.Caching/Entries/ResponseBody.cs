using System.Text;
using System.Text.Json;

namespace WidgetPlatform.Caching.Entries;

/// <summary>Renders the data response of docs/design.md §6 once, when an answer is computed; every later send reuses the bytes.</summary>
public static class ResponseBody
{
    private static readonly byte[] HitSuffix = Encoding.UTF8.GetBytes("hit\"}}");
    private static readonly Dictionary<CacheResult, byte[]> Suffixes = new()
    {
        [CacheResult.Hit] = HitSuffix,
        [CacheResult.Miss] = Encoding.UTF8.GetBytes("miss\"}}"),
        [CacheResult.Stale] = Encoding.UTF8.GetBytes("stale\"}}"),
        [CacheResult.Bypass] = Encoding.UTF8.GetBytes("bypass\"}}"),
    };

    /// <summary><c>"}}</c> and the result's name: what follows <see cref="CacheEntry.BodyBeforeCacheResult"/>.</summary>
    public static ReadOnlyMemory<byte> Suffix(CacheResult result) => Suffixes[result];

    /// <summary>Builds the hit body for <paramref name="data"/> (already JSON) and fills in where the cache result goes.</summary>
    /// <param name="filter">The UTF-8 canonical filter the answer was computed for.</param>
    /// <param name="queryTime">How long the computation took, in milliseconds.</param>
    public static CacheEntry Render(ReadOnlySpan<byte> data, CacheEntryMetadata metadata, ReadOnlySpan<byte> filter, double queryTime, long rowsProcessed)
    {
        using var buffer = new MemoryStream(data.Length + 256);
        buffer.Write("{\"data\":"u8);
        buffer.Write(data);
        buffer.Write(",\"metadata\":"u8);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("calculatedAt", metadata.CalculatedAt);
            json.WriteString("dataVersion", metadata.DataVersion);
            json.WriteNumber("queryTime", Math.Round(queryTime, 2));
            json.WriteNumber("rowsProcessed", rowsProcessed);
            json.WriteString("key", metadata.Key);
            json.WritePropertyName("cache");
            json.Flush();
        }

        // The writer left `…"cache":`; the result's quoted name and the two closing braces follow.
        buffer.Write("\""u8);
        var cacheValueOffset = (int)buffer.Length;
        buffer.Write(HitSuffix);
        return CacheEntry.Create(metadata with { CacheValueOffset = cacheValueOffset }, filter, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
