using System.Globalization;

namespace WidgetPlatform.LoadBenchmarks;

/// <summary>How long and how big: <c>--quick</c> (CI: seconds of load, small data), <c>--medium</c>, or the full run.</summary>
internal sealed record LoadBenchmarkOptions
{
    public required string Mode { get; init; }

    /// <summary>Adverse-event rows of the demo study STUDY-001 (the widget-hit and freshness study).</summary>
    public required int DemoRows { get; init; }

    /// <summary>Rows of every other study written for the scenarios (Zipf, warm, memory).</summary>
    public required int StudyRows { get; init; }

    /// <summary>wrk rounds per target, alternated target by target so outside load falls on all of them alike.</summary>
    public required int Rounds { get; init; }

    public required TimeSpan RoundDuration { get; init; }

    public required TimeSpan Warmup { get; init; }

    public int Connections { get; init; } = 64;

    public int WrkThreads { get; init; } = 2;

    public required int RedisBenchmarkRequests { get; init; }

    public required int Uploads { get; init; }

    /// <summary>Rows of each Parquet file uploaded by the freshness scenario.</summary>
    public required int UploadRows { get; init; }

    /// <summary>Uploads of <see cref="UploadRows"/> before upload_to_fresh measures (the JIT's warm-up); the 1,000,000-row run follows them.</summary>
    public int WarmupUploads { get; init; } = 1;

    /// <summary>Uploads of <see cref="LargeUploadRows"/> for upload_to_fresh_1m; zero leaves that scenario out.</summary>
    public int LargeUploads { get; init; }

    public int LargeUploadRows { get; init; } = 1_000_000;

    /// <summary>Uploads the browser scenario follows onto the open demo dashboard, and the rows of each.</summary>
    public required int BrowserUploads { get; init; }

    public required int BrowserUploadRows { get; init; }

    public required IReadOnlyList<int> WarmCombinations { get; init; }

    /// <summary>Zero skips the Zipf scenario.</summary>
    public required TimeSpan ZipfDuration { get; init; }

    public TimeSpan ZipfUploadInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// New entries the memory benchmark stores. Its figure is the growth over the second half, which also holds the odd
    /// resize of Redis's own dictionaries: about 130 bytes per entry of noise at 500 entries, a quarter of that at 2,000.
    /// </summary>
    public required int MemoryEntries { get; init; }

    public required int ManyConnections { get; init; }

    public required TimeSpan ManyConnectionsDuration { get; init; }

    public required string OutputPath { get; init; }

    /// <summary>The compute benchmark's JSON (scripts/bench-compute.sh), folded in as cold_compute_{type}; null leaves it out.</summary>
    public string? ComputeResultsPath { get; init; }

    /// <summary><c>--only widget_hit,dashboard</c> runs the scenarios whose name starts with one of these.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>
    /// <c>--gateway-env KEY=VALUE</c> (repeatable): extra environment for both gateway replicas, to measure what a setting
    /// costs (say <c>OTEL_SDK_DISABLED=true</c>); recorded in every figure's settings.
    /// </summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment { get; init; } = new Dictionary<string, string>();

    public bool Runs(string scenario) => Only.Count == 0 || Only.Any(prefix => scenario.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public static LoadBenchmarkOptions Parse(string[] args)
    {
        var mode = args.Contains("--quick") ? "quick" : args.Contains("--medium") ? "medium" : "full";
        var options = mode switch
        {
            "quick" => new LoadBenchmarkOptions
            {
                Mode = mode, DemoRows = 20_000, StudyRows = 5_000, Rounds = 1, RoundDuration = TimeSpan.FromSeconds(1), Warmup = TimeSpan.FromSeconds(1),
                RedisBenchmarkRequests = 20_000, Uploads = 5, UploadRows = 5_000, BrowserUploads = 2, BrowserUploadRows = 5_000, WarmCombinations = [20, 100], ZipfDuration = TimeSpan.Zero,
                MemoryEntries = 200, ManyConnections = 1_000, ManyConnectionsDuration = TimeSpan.FromSeconds(2), OutputPath = DefaultOutput,
            },
            "medium" => new LoadBenchmarkOptions
            {
                Mode = mode, DemoRows = 200_000, StudyRows = 50_000, Rounds = 2, RoundDuration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(2),
                RedisBenchmarkRequests = 300_000, Uploads = 20, UploadRows = 50_000, WarmupUploads = 90, BrowserUploads = 20, BrowserUploadRows = 1_000_000, WarmCombinations = [100, 1_000], ZipfDuration = TimeSpan.FromSeconds(30),
                LargeUploads = 5,
                ZipfUploadInterval = TimeSpan.FromSeconds(10),
                MemoryEntries = 1_000, ManyConnections = 20_000, ManyConnectionsDuration = TimeSpan.FromSeconds(10), OutputPath = DefaultOutput,
            },
            _ => new LoadBenchmarkOptions
            {
                Mode = mode, DemoRows = 1_000_000, StudyRows = 100_000, Rounds = 3, RoundDuration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(3),
                RedisBenchmarkRequests = 1_000_000, Uploads = 50, UploadRows = 100_000, WarmupUploads = 90, BrowserUploads = 20, BrowserUploadRows = 1_000_000, WarmCombinations = [100, 1_000], ZipfDuration = TimeSpan.FromMinutes(5),
                LargeUploads = 10,
                MemoryEntries = 4_000, ManyConnections = 20_000, ManyConnectionsDuration = TimeSpan.FromSeconds(30), OutputPath = DefaultOutput,
            },
        };

        return options with
        {
            OutputPath = Value(args, "--out") ?? options.OutputPath,
            ComputeResultsPath = Value(args, "--compute"),
            GatewayEnvironment = args.Select((arg, i) => (arg, i)).Where(p => p.arg == "--gateway-env" && p.i + 1 < args.Length)
                .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : ""),
            Only = Value(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Rounds = int.Parse(Value(args, "--rounds") ?? options.Rounds.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            ManyConnections = Value(args, "--connections") is { } many ? int.Parse(many, CultureInfo.InvariantCulture) : options.ManyConnections,
            ZipfDuration = Value(args, "--zipf-seconds") is { } seconds ? TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)) : options.ZipfDuration,
        };
    }

    private const string DefaultOutput = "bench/results.json";

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
