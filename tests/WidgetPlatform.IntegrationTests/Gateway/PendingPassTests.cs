extern alias invalidation;

using StackExchange.Redis;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Circuit;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using invalidation::WidgetPlatform.Invalidation.Manifests;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>
/// Issue 15, the switch to a new version: a user's miss on a version whose pass is pending waits for the warmer's one scan
/// instead of starting its own, and G4 (one computation per key) holds across the pass and user requests. Driven step by
/// step through the shared library on the platform's Redis, with widgets that are not priority widgets, so that the
/// platform's own warmer never warms them in the middle of a test.
/// </summary>
[Collection(GatewayPlatform.Name)]
public sealed class PendingPassTests(GatewayFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AdvancingTheMirrorMarksThePassPendingInTheSameStepButSeedingDoesNot()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var redis = Redis(library);
        var writer = new ManifestMirrorWriter(library.Get<IConnectionMultiplexer>());
        var current = (await ResolveAsync(library, "ae-serious")).DataVersion;
        var pass = RedisKeys.PendingPass(library.StudyId, DatasetLayer.Source, "AE");

        await writer.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], current + "-001");
        var unmarked = await redis.KeyExistsAsync(pass);
        await writer.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], current + "-002", TimeSpan.FromSeconds(30));
        var marked = await redis.StringGetAsync(pass);
        var expiry = await redis.KeyTimeToLiveAsync(pass);
        await writer.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], current + "-001", TimeSpan.FromSeconds(30));
        var afterAnOlderVersion = await redis.StringGetAsync(pass);

        Assert.False(unmarked);
        Assert.Equal(current + "-002", marked.ToString());
        Assert.InRange(expiry!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(current + "-002", afterAnOlderVersion.ToString());
    }

    [Fact]
    public async Task AMissOnAVersionWhosePassIsPendingWaitsForThePassAndServesItsEntry()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var request = await ResolveAsync(library, "ae-dose-by-term");
        await MarkPendingAsync(library, request, TimeSpan.FromSeconds(30));

        var user = library.Get<WidgetCache>().GetAsync(request).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var userWaited = !user.IsCompleted && !await Redis(library).KeyExistsAsync(RedisKeys.Lock(request.Key));
        var warmed = await Pass(library).WarmAsync([request], [PassOf(request)], force: false);
        var answer = await user.WaitAsync(Patience);
        var stored = await library.Get<RedisEntries>().GetAsync(request.Key);

        Assert.True(userWaited, "the user's miss took the lock or answered while the pass was pending");
        Assert.Equal(CacheResult.Miss, warmed[0].Result);
        Assert.Equal(stored!.Metadata.CalculatedAt, answer.Entry.Metadata.CalculatedAt);
        Assert.Equal(1, library.Get<CacheCounters>().Snapshot().Computations);
        Assert.False(await Redis(library).KeyExistsAsync(RedisKeys.PendingPass(library.StudyId, DatasetLayer.Source, "AE")));
    }

    [Fact]
    public async Task AMissThePassLeftOutIsComputedByTheUserOnceThePassIsClaimed()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var inPass = await ResolveAsync(library, "ae-dose-by-term");
        var leftOut = await ResolveAsync(library, "ae-serious");
        await MarkPendingAsync(library, inPass, TimeSpan.FromSeconds(30));

        var user = library.Get<WidgetCache>().GetAsync(leftOut).AsTask();
        await Pass(library).WarmAsync([inPass], [PassOf(inPass)], force: false);
        var answer = await user.WaitAsync(Patience);

        Assert.Equal(CacheResult.Miss, answer.Result);
        Assert.Equal(leftOut.DataVersion, answer.Entry.Metadata.DataVersion);
        Assert.Equal(2, library.Get<CacheCounters>().Snapshot().Computations);
        Assert.NotNull(await library.Get<RedisEntries>().GetAsync(leftOut.Key));
    }

    [Fact]
    public async Task APassNobodyClaimsHoldsMissesOnlyUntilItsWindowEnds()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var request = await ResolveAsync(library, "ae-serious");
        await MarkPendingAsync(library, request, TimeSpan.FromMilliseconds(700));

        var answer = await library.Get<WidgetCache>().GetAsync(request).AsTask().WaitAsync(Patience);

        Assert.Equal(CacheResult.Miss, answer.Result);
        Assert.Equal(1, library.Get<CacheCounters>().Snapshot().Computations);
    }

    [Fact]
    public async Task APassComputesEveryViewOfAVersionInOneScanAndLeavesKeysAnotherHolderHasToIt()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var requests = await Task.WhenAll(new[] { "ae-serious", "ae-dose-by-term", "ae-daily", "ae-subjects", "ae-top-subjects" }.Select(widget => ResolveAsync(library, widget)));
        var held = await ResolveAsync(library, "ae-serious", new WidgetQuery { Filters = new Dictionary<string, IReadOnlyList<string>> { ["site"] = ["S01"] } });
        var token = await library.Get<StampedeLock>().TryAcquireAsync(held.Key);

        var outcomes = await Pass(library).WarmAsync([.. requests, held], [], force: false);
        var again = await Pass(library).WarmAsync([.. requests], [], force: false);

        Assert.All(outcomes[..^1], outcome => Assert.Equal(CacheResult.Miss, outcome.Result));
        Assert.Null(outcomes[^1].Result);
        Assert.Equal(1, library.Get<CacheCounters>().Snapshot().Scans);
        Assert.All(again, outcome => Assert.Equal(CacheResult.Hit, outcome.Result));
        Assert.Null(await library.Get<RedisEntries>().GetAsync(held.Key));
        Assert.Equal(token, (await Redis(library).StringGetAsync(RedisKeys.Lock(held.Key))).ToString());
    }

    [Fact]
    public async Task APassClaimedAheadOfItsVersionIsNotMarkedPendingWhenTheVersionIsAnnounced()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var redis = Redis(library);
        var writer = new ManifestMirrorWriter(library.Get<IConnectionMultiplexer>());
        var current = (await ResolveAsync(library, "ae-serious")).DataVersion;
        var pass = RedisKeys.PendingPass(library.StudyId, DatasetLayer.Source, "AE");
        var ahead = new PendingPass(library.StudyId, DatasetLayer.Source, "AE", current + "-001");

        await Passes(library).ClaimAheadAsync([ahead]);
        await writer.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], ahead.Version, TimeSpan.FromSeconds(30));
        var afterItsAnnouncement = await redis.StringGetAsync(pass);
        await writer.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], current + "-002", TimeSpan.FromSeconds(30));
        var afterANewerOne = await redis.StringGetAsync(pass);
        await Passes(library).ClaimAheadAsync([ahead]);
        var afterAnOlderClaim = await redis.StringGetAsync(pass);

        Assert.Equal(PendingPasses.ClaimedPrefix + ahead.Version, afterItsAnnouncement.ToString());
        Assert.Equal(current + "-002", afterANewerOne.ToString());
        Assert.Equal(current + "-002", afterAnOlderClaim.ToString());
    }

    [Fact]
    public async Task APassRunAheadStoresTheNewVersionBeforeItIsAnnouncedAndUsersThenHitIt()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var versions = library.Get<CurrentVersions>();
        var view = await versions.ViewAsync(library.StudyId);
        var next = view.Of(DatasetLayer.Source, "AE") + "-001";
        var ahead = await library.Get<WidgetRequests>().ResolveAsync(
            library.StudyId, "ae-dose-by-term", WidgetQuery.Unfiltered, view.With(DatasetLayer.Source, ["AE"], next));

        var outcomes = await Pass(library).WarmAheadAsync([ahead], [PassOf(ahead)]);
        var storedBeforeTheAnnouncement = await library.Get<RedisEntries>().GetAsync(ahead.Key);
        await new ManifestMirrorWriter(library.Get<IConnectionMultiplexer>())
            .AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], next, TimeSpan.FromSeconds(30));
        await versions.LearnAsync(library.StudyId, DatasetLayer.Source, ["AE"], next);
        var answer = await library.Get<WidgetCache>().GetAsync(await ResolveAsync(library, "ae-dose-by-term")).AsTask().WaitAsync(Patience);

        Assert.Equal(CacheResult.Miss, outcomes[0].Result);
        Assert.Equal(next, storedBeforeTheAnnouncement?.Metadata.DataVersion);
        Assert.Equal(CacheResult.Hit, answer.Result);
        Assert.Equal(next, answer.Entry.Metadata.DataVersion);
        Assert.Equal(1, library.Get<CacheCounters>().Snapshot().Computations);
    }

    [Fact]
    public async Task AWarmForANewVersionEndsOnlyOnceTheEntriesAnotherHolderComputesAreStored()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var request = await ResolveAsync(library, "ae-serious");
        var locks = library.Get<StampedeLock>();
        var token = await locks.TryAcquireAsync(request.Key);

        var warm = Pass(library).WarmAsync([request], [PassOf(request)], force: false);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var endedBeforeTheHolder = warm.IsCompleted;
        var computation = library.Get<FencedComputation>();
        await computation.ComputeAndStorePassAsync([request], await computation.ReadEpochsAsync([request]), _ => locks.ReleaseAsync(request.Key, token!));
        var outcomes = await warm.WaitAsync(Patience);

        Assert.False(endedBeforeTheHolder, "the warm ended while another holder was still computing its entry");
        Assert.Equal(CacheResult.Hit, outcomes[0].Result);
        Assert.Equal(1, library.Get<CacheCounters>().Snapshot().Computations);
    }

    private static CachePass Pass(CacheLibrary library) => new(
        library.Get<RedisEntries>(),
        library.Get<StampedeLock>(),
        library.Get<HolderWait>(),
        Passes(library),
        library.Get<FencedComputation>(),
        library.Get<EntryFreshness>(),
        library.Get<RedisCircuit>());

    private static PendingPasses Passes(CacheLibrary library) => new(library.Get<IConnectionMultiplexer>(), library.Get<WidgetCacheOptions>());

    /// <summary>What the invalidation service does as the version arrives, for the version the request reads.</summary>
    private static async Task MarkPendingAsync(CacheLibrary library, WidgetRequest request, TimeSpan window) =>
        await Redis(library).StringSetAsync(RedisKeys.PendingPass(library.StudyId, DatasetLayer.Source, "AE"), request.DataVersion, window);

    private static PendingPass PassOf(WidgetRequest request) => new(request.StudyId, DatasetLayer.Source, "AE", request.DataVersion);

    private static async Task<WidgetRequest> ResolveAsync(CacheLibrary library, string widgetId, WidgetQuery? query = null) =>
        await library.Get<WidgetRequests>().ResolveAsync(library.StudyId, widgetId, query ?? WidgetQuery.Unfiltered);

    private static IDatabase Redis(CacheLibrary library) => library.Get<IConnectionMultiplexer>().GetDatabase();
}
