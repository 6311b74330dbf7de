using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.LoadBenchmarks.Platform;
using WidgetPlatform.LoadBenchmarks.Reporting;

namespace WidgetPlatform.LoadBenchmarks.Scenarios;

/// <summary>
/// invalidation_to_warm (100 active combinations) and warm_1000: a study of its own, N combinations made active by
/// requesting them, then an upload; the clock stops when every one of them is in Redis under the new version (what makes
/// the next request a hit), watched through the key type without touching the gateway, so the benchmark never warms an
/// entry itself. Then every combination is requested once to check that it answers a hit on the new version.
/// </summary>
internal sealed class InvalidationWarmScenario(BenchPlatform platform, LoadBenchmarkOptions options, BenchmarkReport report)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public async Task RunAsync(int combinations, string figure)
    {
        var study = $"BENCH-WARM-{combinations}";
        var uploadRows = options.DemoRows;
        Console.WriteLine($"{figure}: {combinations} active combinations of {study}, then an upload of {uploadRows:N0} AE rows (the demo study's size)");
        await platform.WriteStudyAsync(study, options.StudyRows);
        var upload = await DemoDataGenerator.AdverseEventsUploadAsync(uploadRows, 3);
        var paths = Combinations.DateWindows(study, combinations);
        using var client = platform.Client(BenchPlatform.WithL1);
        var keys = (await RequestAllAsync(client, paths)).Select(answer => answer.Key ?? throw new InvalidOperationException($"A combination answered {answer.Status}.")).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the gateways flush what was requested every second

        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConfiguration);
        var database = redis.GetDatabase();
        var tracked = await database.SortedSetLengthAsync(RedisKeys.ActiveCombinations(study));
        await using var events = await StudyEventRecorder.OpenAsync(platform.Client(BenchPlatform.WithL1), study);

        var version = await platform.UploadAdverseEventsAsync(study, upload);
        var accepted = Stopwatch.GetTimestamp();
        RedisKey[] fresh = [.. keys.Select(key => (RedisKey)OnVersion(key, version))];
        var present = 0;
        while (Stopwatch.GetElapsedTime(accepted) < Timeout)
        {
            present = await CountPresentAsync(database, fresh);
            if (present == fresh.Length)
            {
                break;
            }

            await Task.Delay(10);
        }

        var warm = Stopwatch.GetElapsedTime(accepted).TotalMilliseconds;
        var warmed = await events.WaitForAsync("fresh-data", e => e.ArrivedAt > accepted, TimeSpan.FromSeconds(5));
        var answers = await RequestAllAsync(client, paths);
        var hits = answers.Count(answer => answer.IsHit && answer.DataVersion == version);
        var settings = new Dictionary<string, string>
        {
            ["combinations"] = combinations.ToString(CultureInfo.InvariantCulture),
            ["trackedActive"] = tracked.ToString(CultureInfo.InvariantCulture),
            ["inRedisOnNewVersion"] = $"{present}/{fresh.Length}",
            ["hitsAfterward"] = $"{hits}/{answers.Length}",
            ["uploadRows"] = uploadRows.ToString(CultureInfo.InvariantCulture),
            ["from"] = "the upload's 202 to the last of the combinations in Redis under the new version",
            ["warmerReport"] = warmed is null ? "no fresh-data event" : warmed.Data.GetRawText(),
            ["note"] = present == fresh.Length
                ? $"goal 1,000 in <= 5 s; then {hits}/{answers.Length} hits"
                : $"NOT ALL WARM: {present}/{fresh.Length} after {Timeout.TotalSeconds:0} s",
        };
        report.Add(figure, warm, "ms", settings: settings);
    }

    /// <summary>The same combination's key on another version (a new key: <see cref="WidgetCacheKey.Value"/> is built once).</summary>
    private static string OnVersion(string key, string version)
    {
        var parsed = WidgetCacheKey.Parse(key) ?? throw new FormatException($"'{key}' is not a widget key.");
        return new WidgetCacheKey(parsed.StudyId, parsed.WidgetId, version, parsed.FilterHash).Value;
    }

    /// <summary>Every path once, eight at a time; the answers in the paths' order.</summary>
    private static async Task<WidgetAnswer[]> RequestAllAsync(HttpClient client, IReadOnlyList<string> paths)
    {
        var answers = new WidgetAnswer[paths.Count];
        await Parallel.ForAsync(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            answers[i] = await WidgetAnswer.GetAsync(client, paths[i], token));
        return answers;
    }

    private static async Task<int> CountPresentAsync(IDatabase database, RedisKey[] keys)
    {
        var batch = database.CreateBatch();
        var checks = keys.Select(key => batch.KeyExistsAsync(key)).ToArray();
        batch.Execute();
        return (await Task.WhenAll(checks)).Count(exists => exists);
    }
}
