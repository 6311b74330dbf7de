using System.Text.Json;
using StackExchange.Redis;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Caching.Statistics.Traffic;

namespace WidgetPlatform.Query.Entries;

/// <summary>Reads entries for the admin API: one in detail, or a widget's list; every read of one entry is one pipelined round trip.</summary>
public sealed class EntryInspector(IConnectionMultiplexer redis, WidgetCatalog catalog, CurrentVersions versions, TimeProvider time)
{
    public const int MaxListed = 1_000;

    /// <summary>The entry's details, or null when Redis holds no entry under that key (never stored, expired, deleted).</summary>
    public async Task<EntryDetails?> InspectAsync(WidgetCacheKey key)
    {
        var database = redis.GetDatabase();
        var stored = database.StringGetAsync(key.Value);
        var ttl = database.KeyTimeToLiveAsync(key.Value);
        var memory = RedisMemoryUsage.OfAsync(database, key.Value);
        var hits = HitsAsync(database, key.StudyId, [key]);
        var bytes = (byte[]?)await stored;
        if (bytes is null || CacheEntry.Read(bytes, key) is not { } entry)
        {
            return null;
        }

        var (computationMs, rows) = Measurements(entry);
        return new EntryDetails(
            key.Value,
            key.StudyId,
            key.WidgetId,
            key.DataVersion,
            await IsCurrentAsync(key),
            System.Text.Encoding.UTF8.GetString(entry.Filter.Span),
            bytes.Length,
            entry.Body.Length,
            // Read from format 4, the entry holds its body decompressed: longer than what Redis holds.
            entry.Stored.Length != bytes.Length,
            await memory,
            entry.Metadata.CalculatedAt,
            entry.Metadata.TtlSeconds,
            (await ttl)?.TotalSeconds,
            computationMs,
            rows,
            (await hits)[0]);
    }

    /// <summary>Up to <paramref name="limit"/> of the widget's entries, in the order its index gives them.</summary>
    public async Task<EntryListing> ListAsync(string studyId, string widgetId, int limit)
    {
        var database = redis.GetDatabase();
        var index = RedisKeys.WidgetIndex(studyId, widgetId);
        var total = await database.SetLengthAsync(index);
        var keys = new List<WidgetCacheKey>();
        await foreach (var member in database.SetScanAsync(index, pageSize: 250))
        {
            if (keys.Count == limit)
            {
                break;
            }

            if (WidgetCacheKey.Parse(RedisKeys.EntryOfIndexMember(index, member.ToString())) is { } key)
            {
                keys.Add(key);
            }
        }

        var lengths = keys.Select(key => database.StringLengthAsync(key.Value)).ToList();
        var ttls = keys.Select(key => database.KeyTimeToLiveAsync(key.Value)).ToList();
        var hits = HitsAsync(database, studyId, keys);
        var entries = new List<EntrySummary>(keys.Count);
        for (var position = 0; position < keys.Count; position++)
        {
            entries.Add(new EntrySummary(
                keys[position].Value,
                keys[position].DataVersion,
                await lengths[position],
                (await ttls[position])?.TotalSeconds,
                (await hits)[position]));
        }

        return new EntryListing(studyId, widgetId, total, total > entries.Count, entries);
    }

    /// <summary>
    /// Answers served from each entry: hits are kept per UTC day, and an entry's are those of today and yesterday. Both days
    /// are asked for before anything is awaited, so they go in the caller's round trip.
    /// </summary>
    private async Task<long[]> HitsAsync(IDatabase database, string studyId, List<WidgetCacheKey> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        RedisValue[] fields = [.. keys.Select(key => (RedisValue)TrafficStore.EntryHitsField(key))];
        var days = new[] { today, today.AddDays(-1) }.Select(day => database.HashGetAsync(RedisKeys.EntryHits(studyId, day), fields)).ToArray();
        var counts = await Task.WhenAll(days);
        return [.. Enumerable.Range(0, keys.Count).Select(position => counts.Sum(day => (long?)day[position] ?? 0))];
    }

    private async Task<bool> IsCurrentAsync(WidgetCacheKey key) =>
        await catalog.FindAsync(key.StudyId, key.WidgetId) is { } widget && (await versions.ViewAsync(key.StudyId)).Of(widget.Layer, widget.Dataset) == key.DataVersion;

    /// <summary>The computation's time and rows, from the body's metadata: the entry keeps them nowhere else.</summary>
    private static (double? ComputationMs, long? Rows) Measurements(CacheEntry entry)
    {
        using var body = JsonDocument.Parse(entry.Body);
        return body.RootElement.TryGetProperty("metadata", out var metadata)
            ? (metadata.TryGetProperty("queryTime", out var time) ? time.GetDouble() : null,
               metadata.TryGetProperty("rowsProcessed", out var rows) ? rows.GetInt64() : null)
            : (null, null);
    }
}
