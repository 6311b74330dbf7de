namespace WidgetPlatform.FaultSuite;

/// <summary>
/// <c>--quick</c> (CI: a few seconds per scenario, proving the checks run and hold) or full (the figures of issue 18:
/// ≥ 100,000 reads and ≥ 50 uploads, and the failovers of the scale-out profile); <c>--only a,b</c> runs those scenarios;
/// <c>--output path</c> (bench/reliability.json).
/// </summary>
public sealed record FaultSuiteOptions
{
    public required string Mode { get; init; }

    public int Readers { get; init; } = 8;

    public int Reads { get; init; } = 100_000;

    /// <summary>The readers' pace, all together: about half of what this machine serves with every service on it.</summary>
    public int ReadsPerSecond { get; init; } = 2_000;

    public int Uploads { get; init; } = 50;

    public TimeSpan UploadInterval { get; init; } = TimeSpan.FromMilliseconds(1_000);

    /// <summary>
    /// Uploads before stale_reads starts counting, under the same read load: the first after a start runs cold code on
    /// every hop of the event path (about a second here), and the next dozen run code the JIT has not optimised yet.
    /// </summary>
    public int WarmupUploads { get; init; } = 20;

    /// <summary>Good uploads of the poison-message scenario, each followed by its duplicate, an older version and some poison.</summary>
    public int PoisonRounds { get; init; } = 20;

    /// <summary>Times the broker is killed during a burst of uploads.</summary>
    public int BrokerKills { get; init; } = 5;

    /// <summary>How long Redis stays killed under load (redis_killed).</summary>
    public TimeSpan RedisOutage { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long reads go on after Redis is back, before the last upload (redis_killed, redis_restored).</summary>
    public TimeSpan AfterRedisRestart { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long reads and uploads go on after a failover scenario's kill.</summary>
    public TimeSpan FailoverObservation { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Generated hostile requests (each category's variants, repeated up to this many).</summary>
    public int HostileRequests { get; init; } = 1_000;

    public string Output { get; init; } = "bench/reliability.json";

    public IReadOnlySet<string>? Only { get; init; }

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    /// <summary>A scenario of the scale-out platform, which quick mode (CI) leaves to the integration tests unless named.</summary>
    public bool RunsScaleOut(string scenario) => Only?.Contains(scenario) ?? Mode == "full";

    public static FaultSuiteOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = quick
            ? new FaultSuiteOptions { Mode = "quick", Readers = 4, Reads = 3_000, Uploads = 6, WarmupUploads = 2, UploadInterval = TimeSpan.FromMilliseconds(400), PoisonRounds = 5, ReadsPerSecond = 1_000, BrokerKills = 1,
                RedisOutage = TimeSpan.FromSeconds(8), AfterRedisRestart = TimeSpan.FromSeconds(4), FailoverObservation = TimeSpan.FromSeconds(12) }
            : new FaultSuiteOptions { Mode = "full" };
        for (var index = 0; index < args.Length - 1; index++)
        {
            options = args[index] switch
            {
                "--only" => options with { Only = args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal) },
                "--output" => options with { Output = args[index + 1] },
                _ => options,
            };
        }

        return options;
    }
}
