extern alias invalidation;

using WidgetPlatform.Caching.Manifests;
using invalidation::WidgetPlatform.Invalidation.Manifests;
using WidgetPlatform.Data;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>A process's view of dataset versions (G1, G2), on the platform's real Redis.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class CurrentVersionsTests(GatewayFixture platform)
{
    [Fact]
    public async Task AStudyFirstHeardOfThroughAnInvalidationStillKnowsItsOtherDatasets()
    {
        await using var library = await CacheLibrary.CreateAsync(platform.Host);
        var onDisk = (await new DataStore(platform.Host.DataDirectory).ReadManifestAsync(library.StudyId))!.Datasets.For(DatasetLayer.Source);
        var mirror = new ManifestMirrorWriter(library.Get<StackExchange.Redis.IConnectionMultiplexer>());

        // As the invalidation service does: the mirror is seeded from the manifest, advanced, and only then is
        // CacheInvalidated published, naming just the dataset that changed.
        await mirror.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], onDisk["AE"]);
        await mirror.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["DM"], onDisk["DM"]);
        var newer = onDisk["AE"] + "-999";
        await mirror.AdvanceAsync(library.StudyId, DatasetLayer.Source, ["AE"], newer);
        var versions = library.Get<CurrentVersions>();
        await versions.LearnAsync(library.StudyId, DatasetLayer.Source, ["AE"], newer);

        var view = await versions.ViewAsync(library.StudyId);
        Assert.Equal(onDisk["DM"], view.Of(DatasetLayer.Source, "DM"));
        Assert.Equal(newer, view.Of(DatasetLayer.Source, "AE"));
    }
}
