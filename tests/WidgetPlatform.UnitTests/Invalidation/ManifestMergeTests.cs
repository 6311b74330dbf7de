extern alias invalidation;

using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class ManifestMergeTests
{
    private const string Study = "STUDY-001";
    private const string V1 = "2024-01-10-143000";
    private const string V2 = "2024-01-11-143000";
    private const string V3 = "2024-01-12-143000";

    private static readonly StudyManifest Disk = new()
    {
        StudyId = Study,
        CurrentVersion = new ManifestVersionPair { SourceData = V2, TransformedData = V1 },
        PreviousVersion = new ManifestVersionPair { SourceData = V1 },
        Datasets = new ManifestDatasets
        {
            Source = new Dictionary<string, string> { ["AE"] = V2, ["DM"] = V1 },
            Transformed = new Dictionary<string, string> { ["AE_DAILY"] = V1 },
        },
    };

    [Fact]
    public void ANewerMirroredVersionAdvancesItsDatasetAndTheLayersCurrentVersion()
    {
        var (manifest, changed) = ManifestMerge.Merge(Study, Disk, new Dictionary<string, string> { ["source/DM"] = V3 });

        Assert.True(changed);
        Assert.Equal(V3, manifest.Datasets.Source["DM"]);
        Assert.Equal(V2, manifest.Datasets.Source["AE"]);
        Assert.Equal(V3, manifest.CurrentVersion.SourceData);
        Assert.Equal(V2, manifest.PreviousVersion.SourceData);
        Assert.Equal(V1, manifest.CurrentVersion.TransformedData);
    }

    [Fact]
    public void AnOlderMirroredVersionNeverMovesTheDiskBack()
    {
        var (manifest, changed) = ManifestMerge.Merge(Study, Disk, new Dictionary<string, string> { ["source/AE"] = V1, ["transformed/AE_DAILY"] = V1 });

        Assert.False(changed);
        Assert.Same(Disk, manifest);
    }

    [Fact]
    public void AnAdvanceBelowTheCurrentVersionLeavesCurrentAndPreviousAlone()
    {
        var (manifest, changed) = ManifestMerge.Merge(Study, Disk, new Dictionary<string, string> { ["source/DM"] = V2 });

        Assert.True(changed);
        Assert.Equal(V2, manifest.Datasets.Source["DM"]);
        Assert.Equal(V2, manifest.CurrentVersion.SourceData);
        Assert.Equal(V1, manifest.PreviousVersion.SourceData);
    }

    [Fact]
    public void TransformedFieldsGoToTheTransformedLayerEvenWhenASourceDatasetHasTheSameName()
    {
        var (manifest, _) = ManifestMerge.Merge(Study, Disk, new Dictionary<string, string> { ["transformed/AE"] = V3 });

        Assert.Equal(V3, manifest.Datasets.Transformed["AE"]);
        Assert.Equal(V2, manifest.Datasets.Source["AE"]);
        Assert.Equal(V3, manifest.CurrentVersion.TransformedData);
        Assert.Equal(V1, manifest.PreviousVersion.TransformedData);
        Assert.Equal(V2, manifest.CurrentVersion.SourceData);
    }

    [Fact]
    public void AStudyWithoutAManifestGetsOneFromTheMirror()
    {
        var (manifest, changed) = ManifestMerge.Merge(Study, null, new Dictionary<string, string> { ["source/AE"] = V1 });

        Assert.True(changed);
        Assert.Equal(Study, manifest.StudyId);
        Assert.Equal(V1, manifest.Datasets.Source["AE"]);
        Assert.Equal(V1, manifest.CurrentVersion.SourceData);
        Assert.Null(manifest.PreviousVersion.SourceData);
    }

    [Fact]
    public void FieldsThatAreNotDatasetVersionsAreIgnored()
    {
        var (_, changed) = ManifestMerge.Merge(Study, Disk, new Dictionary<string, string> { ["other/AE"] = V3, ["source/LB"] = "not-a-version" });

        Assert.False(changed);
    }

    [Fact]
    public void MergingIsIdempotent()
    {
        var mirror = new Dictionary<string, string> { ["source/AE"] = V3, ["transformed/AE_DAILY"] = V2 };
        var (once, _) = ManifestMerge.Merge(Study, Disk, mirror);

        var (twice, changed) = ManifestMerge.Merge(Study, once, mirror);

        Assert.False(changed);
        Assert.Same(once, twice);
    }
}
