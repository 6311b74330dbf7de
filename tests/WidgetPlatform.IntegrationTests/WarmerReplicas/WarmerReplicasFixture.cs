using StackExchange.Redis;
using WidgetPlatform.Auth;
using WidgetPlatform.Data.Demo;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>A platform with two warmer replicas, so that what the warmers share (queues, locks, leases) is tested across two processes.</summary>
public sealed class WarmerReplicasFixture() : PlatformFixture(new TestPlatformOptions
{
    Replicas = new Dictionary<string, int> { ["warmer"] = Replicas },
    Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        // The clock-driven hot refresh would create missing entries too: kept out of the way, every computation the tests
        // count comes from the messages they send.
        // The lock timeout is longer than the built-in 30 s, and the cleanup runs every two seconds, so that the cleanup's
        // judgement of a live lock is tested against the configured timeout.
        // The tests' studies are small: their partials would have too few rows per cell to be kept or shared, in the warmers
        // and in the gateway alike (MinRowsPerPartialsCell).
        ["warmer"] = new Dictionary<string, string>
        {
            [KeepEveryPartial] = "0",
            ["WidgetPlatform__Warming__HotRefreshInterval"] = "01:00:00",
            ["WidgetPlatform__Warming__CleanupInterval"] = "00:00:02",
            ["WidgetPlatform__Cache__LockTimeout"] = LockTimeout,
        },
        ["query"] = new Dictionary<string, string> { [KeepEveryPartial] = "0" },
    },
})
{
    private const string KeepEveryPartial = "WidgetPlatform__Compute__MinRowsPerPartialsCell";

    public const int Replicas = 2;

    public const string Service = "warmer";

    /// <summary>The warmers' configured stampede-lock timeout.</summary>
    public const string LockTimeout = "00:01:00";

    /// <summary>
    /// Returns once the start-up priority warm of the demo study, the one warming run of a fresh platform, is over: otherwise it
    /// may end inside a test and count as the test's own, or list a study a test has just written.
    /// </summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(Host.GetConnectionString("cache"));
        await ReplicaCounters.WaitAsync(redis, Service, Replicas, "done with the start-up priority warm",
            published => published.Sum(instance => instance.Counters.WarmingRuns) >= 1);
    }

    /// <summary>A gateway client with a token of that role for every study, the tests' own included.</summary>
    public HttpClient Gateway(string role) => Host.CreateHttpClient("query", bearerToken: Host.MintToken(role, [PlatformClaims.AllStudies]));

    /// <summary>A small demo study of its own, written into the running platform's data root; the services find it on first use.</summary>
    public async Task<string> WriteStudyAsync()
    {
        var studyId = $"SPLIT-{Guid.NewGuid():N}"[..16];
        await DemoDataGenerator.WriteStudyAsync(new DataStore(Host.DataDirectory), studyId, new DemoDataOptions { AdverseEventRows = 2_000 }, DateTime.UtcNow);
        return studyId;
    }
}

[CollectionDefinition(Name)]
public sealed class WarmerReplicasPlatform : ICollectionFixture<WarmerReplicasFixture>
{
    public const string Name = "warmer-replicas";
}
