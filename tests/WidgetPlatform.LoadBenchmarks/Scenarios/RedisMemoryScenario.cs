using System.Globalization;
using StackExchange.Redis;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// redis_bytes_per_entry: what Redis spends around each cached answer beyond the answer's own bytes (key, entry header,
/// index, active tracking), as the growth of <c>used_memory</c> per entry over the second half of N new entries
/// (distinct date windows of a study of their own, requested through the gateway). The first half also pays what a
/// study's first requests build once per widget shape and filter (the shared daily partials), so its figure, averaged
/// over all N, is reported beside it as <c>redis_bytes_per_entry_with_partials</c>.
/// </summary>
internal sealed class RedisMemoryScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    private const string Study = "BENCH-MEMORY";

    public async Task RunAsync()
    {
        var entries = options.MemoryEntries;
        Console.WriteLine($"redis_bytes_per_entry: {entries} new entries of {Study}");
        await platform.WriteStudyAsync(Study, options.StudyRows);
        var paths = Combinations.DateWindows(Study, entries + 1);
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConfiguration);
        var database = redis.GetDatabase();
        using var client = platform.Client(BenchPlatform.WithL1);
        await WidgetAnswer.GetAsync(client, paths[0]); // the study's manifest and catalog load outside the measurement
        await Task.Delay(TimeSpan.FromSeconds(2));

        var before = await UsedMemoryAsync(database);
        var firstHalf = await RequestAsync(client, paths.Skip(1).Take(entries / 2).ToArray());
        var middle = await UsedMemoryAsync(database);
        var secondHalf = await RequestAsync(client, paths.Skip(1 + (entries / 2)).ToArray());
        var after = await UsedMemoryAsync(database);

        var stored = firstHalf.Concat(secondHalf).ToArray();
        var payload = stored.Average(answer => (double)answer.Body.Length);
        var secondPayload = secondHalf.Average(answer => (double)answer.Body.Length);
        var marginal = (after - middle) / (double)secondHalf.Length;
        var average = (after - before) / (double)stored.Length;
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
            ["usedMemoryMiddle"] = middle.ToString(CultureInfo.InvariantCulture),
            ["usedMemoryAfter"] = after.ToString(CultureInfo.InvariantCulture),
            ["usedMemoryPerEntrySecondHalf"] = marginal.ToString("F0", CultureInfo.InvariantCulture),
            ["usedMemoryPerEntryAll"] = average.ToString("F0", CultureInfo.InvariantCulture),
            ["payloadBytes"] = payload.ToString("F0", CultureInfo.InvariantCulture),
            ["entryKeyMemoryUsage"] = (keyUsage / sample.Length).ToString("F0", CultureInfo.InvariantCulture),
            ["perEntryByKeyFamily"] = byFamily,
            ["note"] = $"second half: (used_memory growth / entries) - answer bytes = {marginal:F0} - {secondPayload:F0}; over all {stored.Length} entries, shared partials included: {average:F0} per entry for {payload:F0}-byte answers; MEMORY USAGE of the entry key alone {keyUsage / sample.Length:F0}; by key family per entry: {byFamily}",
        };
        report.Add("redis_bytes_per_entry", marginal - secondPayload, "bytes", settings: settings);
        report.Add("redis_bytes_per_entry_with_partials", average - payload, "bytes", settings: settings);
    }

    /// <summary>Requests every path (new combinations: each stores one entry), then waits out the active-combination flush.</summary>
    private static async Task<WidgetAnswer[]> RequestAsync(HttpClient client, string[] paths)
    {
        var answers = new WidgetAnswer[paths.Length];
        await Parallel.ForAsync(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
            answers[i] = await WidgetAnswer.GetAsync(client, paths[i], token));
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // active combinations are flushed every second
        return [.. answers.Where(answer => answer.Key is not null)];
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
