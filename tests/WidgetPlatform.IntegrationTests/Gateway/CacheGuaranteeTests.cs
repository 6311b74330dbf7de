extern alias invalidation;

using StackExchange.Redis;
using WidgetPlatform.Caching;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Entries;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Locking;
using WidgetPlatform.Caching.Manifests;
using invalidation::WidgetPlatform.Invalidation.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data;
using WidgetPlatform.Data.Compute;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>The fence (G1, G3) and refresh-ahead (G5), driven through the shared library on real Redis.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class CacheGuaranteeTests(GatewayFixture platform)
{
    [Fact]
    public async Task AnEntryOfASupersededVersionIsNotStored()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var request = await ResolveAsync(library, "ae-by-severity");
        var entry = await library.Get<WidgetComputer>().ComputeAsync(request, CancellationToken.None);
        var epoch = await library.Get<RedisEntries>().EpochAsync(request.Key);

        // A newer version is published while the old computation is still running.
        await new ManifestMirrorWriter(library.Get<IConnectionMultiplexer>()).AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], request.DataVersion + "-999");
        var outcome = await library.Get<RedisEntries>().StoreAsync(request, entry, epoch);

        Assert.Equal(StoreOutcome.Superseded, outcome);
        Assert.False(await Redis(library).KeyExistsAsync(request.Key.Value));
    }

    [Fact]
    public async Task AnEntryComputedAcrossAnInvalidationIsNotStoredButOneComputedAfterIs()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var request = await ResolveAsync(library, "ae-total");
        var entries = library.Get<RedisEntries>();
        var epoch = await entries.EpochAsync(request.Key);
        var entry = await library.Get<WidgetComputer>().ComputeAsync(request, CancellationToken.None);

        await Redis(library).HashIncrementAsync(RedisKeys.WidgetEpochs(library.StudyId), request.Key.WidgetId);
        var raced = await entries.StoreAsync(request, entry, epoch);
        var afterwards = await entries.StoreAsync(request, entry, await entries.EpochAsync(request.Key));

        Assert.Equal(StoreOutcome.Invalidated, raced);
        Assert.Equal(StoreOutcome.Stored, afterwards);
        Assert.True(await Redis(library).SetContainsAsync(RedisKeys.WidgetIndex(library.StudyId, request.Key.WidgetId), request.Key.IndexMember));
    }

    [Fact]
    public async Task APassReadsEachKeysEpochFromItsOwnWidgetSoAnInvalidationFencesOnlyThatWidgetsEntries()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var severity = await ResolveAsync(library, "ae-by-severity");
        var total = await ResolveAsync(library, "ae-total");
        var entries = library.Get<RedisEntries>();
        var computation = library.Get<FencedComputation>();
        var before = await computation.ReadEpochsAsync([severity, total, severity]);

        await Redis(library).HashIncrementAsync(RedisKeys.WidgetEpochs(library.StudyId), total.Key.WidgetId);
        var after = await computation.ReadEpochsAsync([severity, total, severity]);
        var entry = await library.Get<WidgetComputer>().ComputeAsync(total, CancellationToken.None);

        string?[] each = [await entries.EpochAsync(severity.Key), await entries.EpochAsync(total.Key), await entries.EpochAsync(severity.Key)];
        Assert.Equal<IEnumerable<string?>>(each, after);
        Assert.Equal(before[0], after[0]);
        Assert.Equal(before[0], after[2]);
        Assert.NotEqual(before[1], after[1]);
        Assert.Equal(StoreOutcome.Invalidated, await entries.StoreAsync(total, entry, before[1]!));
        Assert.Equal(StoreOutcome.Stored, await entries.StoreAsync(total, entry, after[1]!));
    }

    [Fact]
    public async Task PastTheThresholdAHitIsServedAndOneBackgroundRefreshReplacesTheEntryBeforeItExpires()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host, new Dictionary<string, string?>
        {
            ["WidgetPlatform:Cache:TtlSeconds:Realtime"] = "6",
            ["WidgetPlatform:Cache:RefreshAheadRatio"] = "0.5",
        });
        var request = await ResolveAsync(library, "ae-daily");
        var cache = library.Get<WidgetCache>();
        var first = await cache.GetAsync(request);
        var expiresAt = first.Entry.Metadata.ExpiresAt;

        await Task.Delay(TimeSpan.FromSeconds(3.2));
        var stale = await cache.GetAsync(request);
        var refreshed = await RefreshedAsync(library, request, first.Entry.Metadata.CalculatedAt);

        Assert.Equal(CacheResult.Miss, first.Result);
        Assert.Equal(CacheResult.Stale, stale.Result);
        Assert.Equal(first.Entry.Metadata.CalculatedAt, stale.Entry.Metadata.CalculatedAt);
        Assert.NotNull(refreshed);
        Assert.True(refreshed.Metadata.CalculatedAt < expiresAt, "the entry was replaced only after it expired");
        Assert.Equal(refreshed.Metadata.CalculatedAt, (await cache.GetAsync(request)).Entry.Metadata.CalculatedAt);
    }

    [Fact]
    public async Task ARefreshThatFindsAnotherHolderTakesItsEntryIntoTheInProcessLayer()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host, new Dictionary<string, string?>
        {
            ["WidgetPlatform:Cache:TtlSeconds:Realtime"] = "6",
            ["WidgetPlatform:Cache:RefreshAheadRatio"] = "0.5",
        });
        var request = await ResolveAsync(library, "ae-daily");
        var cache = library.Get<WidgetCache>();
        var entries = library.Get<RedisEntries>();
        var locks = library.Get<StampedeLock>();
        await cache.GetAsync(request);
        await Task.Delay(TimeSpan.FromSeconds(3.2));

        // Another replica takes the lock and is refreshing when this one serves its copy as stale.
        var token = await locks.TryAcquireAsync(request.Key);
        Assert.NotNull(token);
        var stale = await cache.GetAsync(request);
        var newer = await library.Get<WidgetComputer>().ComputeAsync(request, CancellationToken.None);
        Assert.Equal(StoreOutcome.Stored, await entries.StoreAsync(request, newer, await entries.EpochAsync(request.Key)));
        await locks.ReleaseAsync(request.Key, token);

        // Read the layer directly: a stale answer would start another refresh of its own and hide what is being tested.
        var adopted = await LocalCopyAsync(library, request, newer.Metadata.CalculatedAt);
        Assert.Equal(CacheResult.Stale, stale.Result);
        Assert.NotNull(adopted);
    }

    private static async Task<CacheEntry?> LocalCopyAsync(CacheLibrary library, WidgetRequest request, DateTimeOffset calculatedAtLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(0.8);
        while (DateTime.UtcNow < deadline)
        {
            if (library.Get<LocalEntries>().Get(request.Key.Value) is { } local && local.Metadata.CalculatedAt >= calculatedAtLeast)
            {
                return local;
            }

            await Task.Delay(20);
        }

        return null;
    }

    private static async Task<CacheEntry?> RefreshedAsync(CacheLibrary library, WidgetRequest request, DateTimeOffset calculatedBefore)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2.5);
        while (DateTime.UtcNow < deadline)
        {
            var stored = await library.Get<RedisEntries>().GetAsync(request.Key);
            if (stored is not null && stored.Metadata.CalculatedAt > calculatedBefore)
            {
                return stored;
            }

            await Task.Delay(50);
        }

        return null;
    }

    [Fact]
    public async Task AWaiterWakesWhenTheHolderReleasesTheLockNotAtItsNextPoll()
    {
        // Polls ten seconds apart: only the published release can wake the waiter within the five it is given.
        await using var library = await CacheLibrary.CreateAsync(platform.Host, new Dictionary<string, string?>
        {
            ["WidgetPlatform:Cache:LockFirstPoll"] = "00:00:10",
            ["WidgetPlatform:Cache:LockLongestPoll"] = "00:00:10",
        });
        var request = await ResolveAsync(library, "ae-top-subjects");
        var locks = library.Get<StampedeLock>();
        var entries = library.Get<RedisEntries>();
        var token = await locks.TryAcquireAsync(request.Key);
        var epoch = await entries.EpochAsync(request.Key);

        var waiter = library.Get<WidgetCache>().GetAsync(request).AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var holders = await library.Get<WidgetComputer>().ComputeAsync(request, CancellationToken.None);
        await entries.StoreAsync(request, holders, epoch);
        await locks.ReleaseAsync(request.Key, token!);
        var answer = await waiter.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(holders.Metadata.CalculatedAt, answer.Entry.Metadata.CalculatedAt);
        Assert.Equal(CacheResult.Miss, answer.Result);
    }

    private static async Task<WidgetRequest> ResolveAsync(CacheLibrary library, string widgetId) =>
        await library.Get<WidgetRequests>().ResolveAsync(library.StudyId, widgetId, WidgetQuery.Unfiltered);

    private static IDatabase Redis(CacheLibrary library) => library.Get<IConnectionMultiplexer>().GetDatabase();
}
