using System.Text.Json;
using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.Data.Demo;

namespace WidgetPlatform.IntegrationTests.AppHost;

/// <summary>docs/design.md §8: the platform starts with a demo study in its data root, laid out as docs/design.md §3 says.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoStudyTests(PlatformFixture platform)
{
    private string StudyDirectory => Path.Combine(platform.Host.DataDirectory, "studies", DemoStudy.StudyId);

    [Fact]
    public async Task DemoStudyHasAManifestNamingItself()
    {
        using var manifest = await ReadManifestAsync();

        Assert.Equal(DemoStudy.StudyId, manifest.RootElement.GetProperty("study_id").GetString());
    }

    [Fact]
    public void DemoStudyHasADozenWidgetFiles()
    {
        var widgets = Directory.GetFiles(Path.Combine(StudyDirectory, "widgets"), "*.json");

        Assert.True(widgets.Length >= 12, $"{widgets.Length} widget files");
        Assert.Equal(DemoWidgets.All().Count, widgets.Length);
    }

    [Fact]
    public async Task EveryManifestDatasetPointsAtAnExistingVersionFolderWithParquetFiles()
    {
        using var manifest = await ReadManifestAsync();
        var datasets = manifest.RootElement.GetProperty("datasets");
        var versionFolders = new[] { "source", "transformed" }
            .SelectMany(layer => datasets.GetProperty(layer).EnumerateObject()
                .Select(dataset => Path.Combine(StudyDirectory, layer, dataset.Name, dataset.Value.GetString()!)))
            .ToList();

        Assert.True(versionFolders.Count >= 3, $"{versionFolders.Count} datasets");
        Assert.All(versionFolders, folder => Assert.NotEmpty(Directory.GetFiles(folder, "*.parquet")));
    }

    [Fact]
    public async Task AdverseEventsComeInSeveralPartFiles()
    {
        using var manifest = await ReadManifestAsync();
        var version = manifest.RootElement.GetProperty("datasets").GetProperty("source").GetProperty(DemoDataGenerator.AdverseEvents).GetString()!;

        Assert.True(Directory.GetFiles(Path.Combine(StudyDirectory, "source", DemoDataGenerator.AdverseEvents, version), "*.parquet").Length > 1);
    }

    private async Task<JsonDocument> ReadManifestAsync() =>
        JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(StudyDirectory, "manifest.json")));
}
