using WidgetPlatform.Caching.Keys;
using WidgetPlatform.Caching.Manifests;
using WidgetPlatform.Data.Storage;
using WidgetPlatform.Contracts;
using StackExchange.Redis;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>A probe and a fresh study per test, on the shared platform.</summary>
public abstract class InvalidationTestBase(PlatformFixture platform) : IAsyncLifetime
{
    /// <summary>After the last expected message: long enough for a wrongly sent one to show up.</summary>
    protected static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(300);

    private InvalidationProbe? _probe;
    private TestStudy? _study;

    internal InvalidationProbe Probe => _probe!;

    internal TestStudy Study => _study!;

    protected PlatformFixture Platform => platform;

    public virtual async Task InitializeAsync()
    {
        _probe = await InvalidationProbe.StartAsync(platform.Host);
        _study = TestStudy.Create(platform.Host);
    }

    public async Task DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.DisposeAsync();
        }
    }

    protected DataUploaded Uploaded(string dataset, string version, string? studyId = null) => new()
    {
        StudyId = studyId ?? Study.Id,
        Dataset = dataset,
        SourceVersion = version,
        UploadedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Publishes a new source version of the dataset, folder first, and returns its announcement.</summary>
    internal async Task<ObservedInvalidation> UploadAsync(string dataset, string version)
    {
        Study.Publish(DatasetLayer.Source, dataset, version);
        await Probe.PublishAsync(Uploaded(dataset, version));
        return await Probe.NextAsync(Study.Id);
    }

    /// <summary>Asserts that nothing more arrived for the study, allowing for a message still in flight.</summary>
    internal async Task AssertNothingMoreAsync()
    {
        await Task.Delay(Grace);
        Assert.Empty(Probe.Drain(Study.Id));
    }

    /// <summary>Stores a fake entry for the widget as the gateway's fenced store would: the key, and its index member.</summary>
    /// <param name="wholeKeyMember">Indexes it as releases before index members were shortened did: by the whole key.</param>
    internal async Task<string> StoreEntryAsync(string widgetId, string version, string filterHash = "0123456789abcdef", bool wholeKeyMember = false)
    {
        var key = new WidgetCacheKey(Study.Id, widgetId, version, filterHash);
        await Probe.Redis.StringSetAsync(key.Value, "entry", TimeSpan.FromMinutes(5));
        await Probe.Redis.SetAddAsync(RedisKeys.WidgetIndex(Study.Id, widgetId), wholeKeyMember ? key.Value : key.IndexMember);
        return key.Value;
    }

    /// <summary>
    /// <c>manifest.json</c> once it has caught up with the mirror: the service writes it right after the announcement
    /// (docs/cache.md, "The event path"), so a test that heard the CacheInvalidated may be a few milliseconds early.
    /// </summary>
    internal async Task<StudyManifest> ManifestOnDiskAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var onDisk = await Study.ReadManifestAsync();
            if (!ManifestMerge.Merge(Study.Id, onDisk, await Probe.Mirror.ReadAsync(Study.Id)).Changed || DateTime.UtcNow > deadline)
            {
                return onDisk;
            }

            await Task.Delay(20);
        }
    }

    internal async Task<string?> MirroredVersionAsync(DatasetLayer layer, string dataset) =>
        await Probe.Redis.HashGetAsync(RedisKeys.Manifest(Study.Id), RedisKeys.ManifestField(layer, dataset));

    internal async Task<long> EpochAsync(string widgetId) =>
        (long?)await Probe.Redis.HashGetAsync(RedisKeys.WidgetEpochs(Study.Id), widgetId) ?? 0;

    internal async Task<RedisValue[]> IndexAsync(string widgetId) =>
        await Probe.Redis.SetMembersAsync(RedisKeys.WidgetIndex(Study.Id, widgetId));
}
