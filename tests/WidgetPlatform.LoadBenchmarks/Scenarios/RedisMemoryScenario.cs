using System.Globalization;
using StackExchange.Redis;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// redis_bytes_per_entry: Redis's <c>used_memory</c> before and after N new entries (distinct combinations of a study of
/// their own, requested through the gateway), per entry, minus the answer's bytes. What remains is what the platform
/// spends around each answer: key, entry metadata, indexes, active tracking.
/// </summary>
internal sealed class RedisMemoryScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    private const string Study = "BENCH-MEMORY";

    public async Task RunAsync()
    {
        var entries = options.MemoryEntries;
        Console.WriteLine($"redis_bytes_per_entry: {entries} new entries of {Study}");
        await platform.WriteStudyAsync(Study, options.StudyRows);
        var paths = Combinations.DateWindows(Study, entries);
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConfiguration);
        var database = redis.GetDatabase();
        using var client = platform.Client(BenchPlatform.WithL1);
        await WidgetAnswer.GetAsync(client, paths[0]); // the study's manifest and catalog load outside the measurement
        await Task.Delay(TimeSpan.FromSeconds(2));

        var before = await UsedMemoryAsync(database);
        var answers = new WidgetAnswer[paths.Count - 1];
        await Parallel.ForAsync(1, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
            answers[i - 1] = await WidgetAnswer.GetAsync(client, paths[i], token));
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // active combinations are flushed every second
        var after = await UsedMemoryAsync(database);

        var stored = answers.Where(answer => answer.Key is not null).ToArray();
        var payload = stored.Average(answer => (double)answer.Body.Length);
        var perEntry = (after - before) / (double)stored.Length;
        var sample = stored.Take(100).ToArray();
        var keyUsage = 0.0;
        foreach (var answer in sample)
        {
            keyUsage += (long)await database.ExecuteAsync("MEMORY", "USAGE", answer.Key!);
        }

        var byFamily = await PerEntryByKeyFamilyAsync(redis, database, stored.Length);
        var settings = new Dictionary<string, string>
        {
            ["entries"] = stored.Length.ToString(CultureInfo.InvariantCulture),
            ["usedMemoryBefore"] = before.ToString(CultureInfo.InvariantCulture),
            ["usedMemoryAfter"] = after.ToString(CultureInfo.InvariantCulture),
            ["usedMemoryPerEntry"] = perEntry.ToString("F0", CultureInfo.InvariantCulture),
            ["payloadBytes"] = payload.ToString("F0", CultureInfo.InvariantCulture),
            ["entryKeyMemoryUsage"] = (keyUsage / sample.Length).ToString("F0", CultureInfo.InvariantCulture),
            ["perEntryByKeyFamily"] = byFamily,
            ["note"] = $"(used_memory delta / entries) - answer bytes; {perEntry:F0} per entry for {payload:F0}-byte answers; MEMORY USAGE of the entry key alone {keyUsage / sample.Length:F0}; by key family per entry: {byFamily}",
        };
        report.Add("redis_bytes_per_entry", perEntry - payload, "bytes", settings: settings);
    }

    /// <summary>
    /// Where the study's bytes are: MEMORY USAGE summed over its keys by family (the part before the first colon:
    /// widget entries, index sets, active combinations, partials…), per new entry. What used_memory adds beyond that is
    /// Redis's own (dictionaries, expiry table, allocator).
    /// </summary>
    private static async Task<string> PerEntryByKeyFamilyAsync(ConnectionMultiplexer redis, IDatabase database, int entries)
    {
        var families = new SortedDictionary<string, (int Keys, long Bytes)>(StringComparer.Ordinal);
        var server = redis.GetServers().Single();
        await foreach (var key in server.KeysAsync(database.Database, $"*{{{Study}}}*", pageSize: 1000))
        {
            var family = ((string)key!).Split(':')[0];
            var bytes = (long)await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
            var (count, sum) = families.GetValueOrDefault(family);
            families[family] = (count + 1, sum + bytes);
        }

        return string.Join("; ", families.Select(family =>
            $"{family.Key} {family.Value.Bytes / (double)entries:F0} ({family.Value.Keys} keys)"));
    }

    private static async Task<long> UsedMemoryAsync(IDatabase database)
    {
        var info = (string)(await database.ExecuteAsync("INFO", "memory"))!;
        var line = info.Split('\n').First(l => l.StartsWith("used_memory:", StringComparison.Ordinal));
        return long.Parse(line["used_memory:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
