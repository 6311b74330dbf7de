using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class DemoStudyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"wp-demo-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task DemoStudyIsWrittenIntoAnEmptyDataRoot()
    {
        await DemoStudy.WriteIfNoStudyAsync(_root, 2_000, CancellationToken.None);

        var store = new DataStore(_root);
        Assert.Equal([DemoStudy.StudyId], store.ListStudies());
        Assert.NotNull(await store.ReadManifestAsync(DemoStudy.StudyId));
    }

    [Fact]
    public async Task DemoStudyIsNotWrittenWhenAStudyExists()
    {
        var store = new DataStore(_root);
        store.WriteManifest(new StudyManifest { StudyId = "MY-STUDY" });

        await DemoStudy.WriteIfNoStudyAsync(_root, 2_000, CancellationToken.None);

        Assert.Equal(["MY-STUDY"], store.ListStudies());
    }
}
