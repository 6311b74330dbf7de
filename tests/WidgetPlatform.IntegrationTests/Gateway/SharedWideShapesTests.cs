using StackExchange.Redis;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Partials;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>
/// Issue 15: a widget shape whose daily partials one process found wide (top subjects: nearly a cell per row) is recorded in
/// Redis, so another process scans it directly instead of building the same useless partials once more — what made a warmer's
/// first pass over 1,000 combinations build them although the gateway had found them wide.
/// </summary>
[Collection(GatewayPlatform.Name)]
public sealed class SharedWideShapesTests(GatewayFixture platform)
{
    [Fact]
    public async Task AShapeOneProcessFoundWideIsScannedDirectlyByAnotherWithoutBuildingItsPartials()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var shared = library.Get<RedisSharedPartials>();
        var snapshot = library.Get<DataStore>().ResolveDataset(library.StudyId, DatasetLayer.Source, "AE");
        // Not a priority widget: the platform's own warmer, which warms every study's priority widgets every 30 s, never
        // computes it, so whether its shape is wide is this test's alone to find out.
        var topSubjects = (await library.Get<DataStore>().ReadWidgetAsync(library.StudyId, "ae-top-subjects"))!;
        var daily = (await library.Get<DataStore>().ReadWidgetAsync(library.StudyId, "ae-daily"))!;
        var quarter = new WidgetQuery { From = new DateOnly(2023, 4, 1), To = new DateOnly(2023, 6, 30) };
        var finder = new CountingObserver();
        var learner = new CountingObserver();

        await new WidgetComputeEngine(new WidgetComputeOptions(), shared, finder).ComputeAsync(snapshot, topSubjects, WidgetQuery.Unfiltered);
        // The test study is small: only a shape without a dimension has enough rows per day to keep its partials.
        var answers = await new WidgetComputeEngine(new WidgetComputeOptions { MinRowsPerPartialsCell = 1 }, shared, learner)
            .ComputeManyAsync(snapshot, [new(topSubjects, quarter), new(daily, quarter)]);
        var scannedAlone = await new WidgetComputeEngine(new WidgetComputeOptions { UseDailyPartials = false }).ComputeAsync(snapshot, topSubjects, quarter);

        var wide = RedisKeys.WideShapes(library.StudyId);
        var redis = library.Get<IConnectionMultiplexer>().GetDatabase();
        Assert.Equal(1, finder.Built);
        // The record is where docs/cache.md says; the warmer's refresh may have added the small study's priority shapes beside it.
        Assert.True(await redis.SetLengthAsync(wide) >= 1);
        Assert.True(await redis.KeyTimeToLiveAsync(wide) > TimeSpan.Zero);
        // Only the daily shape's partials: built here, or loaded when the platform's warmer, refreshing the new study's priority
        // metric (the same count without a dimension), shared them first. Top subjects' would make two.
        Assert.Equal(1, learner.Built + learner.Shared);
        Assert.False(answers[0].Unwrap().FromPartials);
        Assert.True(answers[1].Unwrap().FromPartials);
        Assert.Equal(scannedAlone.SerializeData(), answers[0].Unwrap().SerializeData());
    }

    private sealed class CountingObserver : IComputeObserver
    {
        public int Built { get; private set; }

        public int Shared { get; private set; }

        public void ScanRun(int plans)
        {
        }

        public void PartialsBuilt() => Built++;

        public void PartialsShared() => Shared++;
    }
}
