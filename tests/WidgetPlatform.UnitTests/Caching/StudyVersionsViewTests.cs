using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using WidgetPlatform.AppHost.DevState;
using WidgetPlatform.Caching.Computing;
using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Contracts;
using WidgetPlatform.Data.Compute;
using WidgetPlatform.Data.Storage;

namespace WidgetPlatform.UnitTests.Caching;

/// <summary>Issue 15: a dashboard resolves its widgets against one view of the versions, so it never mixes two versions of a dataset.</summary>
public sealed class StudyVersionsViewTests : IAsyncLifetime
{
    private const string Study = DemoStudy.StudyId;
    private const string Newer = "2099-01-01-000000";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"wp-view-{Guid.NewGuid():N}");
    private ConnectionMultiplexer? _unreachableRedis;

    public async Task InitializeAsync()
    {
        await DemoStudy.WriteIfNoStudyAsync(_root, 2_000, CancellationToken.None);
        // No Redis answers: versions come from manifest.json, as they do when Redis is down (G6).
        _unreachableRedis = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=200");
    }

    public async Task DisposeAsync()
    {
        await _unreachableRedis!.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task WidgetsResolvedAgainstOneViewKeepItsVersionWhenANewerOneIsLearnedMeanwhile()
    {
        var store = new DataStore(_root);
        var versions = new CurrentVersions(new ManifestMirror(_unreachableRedis!), store, NullLogger<CurrentVersions>.Instance);
        var requests = new WidgetRequests(new WidgetCatalog(store), versions, new CanonicalFilters());

        var view = await versions.ViewAsync(Study);
        var first = await requests.ResolveAsync(Study, "ae-by-severity", WidgetQuery.Unfiltered, view);
        await versions.LearnAsync(Study, DatasetLayer.Source, ["AE"], Newer);
        var second = await requests.ResolveAsync(Study, "ae-total", WidgetQuery.Unfiltered, view);
        var afterwards = await requests.ResolveAsync(Study, "ae-total", WidgetQuery.Unfiltered);

        Assert.NotEqual(Newer, first.DataVersion);
        Assert.Equal(first.DataVersion, second.DataVersion);
        Assert.Equal(Newer, afterwards.DataVersion);
    }
}
