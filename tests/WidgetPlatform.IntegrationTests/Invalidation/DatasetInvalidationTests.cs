using WidgetPlatform.Contracts;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>docs/design.md §7: a new dataset version invalidates exactly the widgets reading that dataset in that layer.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DatasetInvalidationTests(PlatformFixture platform) : InvalidationTestBase(platform)
{
    [Fact]
    public async Task DataUploadedInvalidatesExactlyTheWidgetsReadingTheSourceDataset()
    {
        var observed = await UploadAsync("AE", TestStudy.V2);

        var message = observed.Message;
        Assert.Equal(InvalidationScope.Dataset, message.Scope);
        Assert.Equal(DatasetLayer.Source, message.Layer);
        Assert.Equal(["AE"], message.Datasets);
        Assert.Equal(["ae-count", "ae-serious"], message.WidgetIds);
        Assert.Equal(TestStudy.V1, message.PreviousVersion);
        Assert.Equal(TestStudy.V2, message.CurrentVersion);
        Assert.Contains("DataUploaded", message.Reason);
        await AssertNothingMoreAsync();
    }

    [Fact]
    public async Task DataUploadedAdvancesTheMirrorAndTheManifestOnDisk()
    {
        await UploadAsync("DM", TestStudy.V2);

        Assert.Equal(TestStudy.V2, await MirroredVersionAsync(DatasetLayer.Source, "DM"));
        Assert.Equal(TestStudy.V1, await MirroredVersionAsync(DatasetLayer.Source, "AE"));
        var manifest = await ManifestOnDiskAsync();
        Assert.Equal(TestStudy.V2, manifest.Datasets.Source["DM"]);
        Assert.Equal(TestStudy.V1, manifest.Datasets.Source["AE"]);
        Assert.Equal(TestStudy.V2, manifest.CurrentVersion.SourceData);
        Assert.Equal(TestStudy.V1, manifest.PreviousVersion.SourceData);
        Assert.Equal(TestStudy.V1, manifest.CurrentVersion.TransformedData);
    }

    [Fact]
    public async Task PipelineCompletedInvalidatesTheWidgetsReadingTheListedTransformedDatasets()
    {
        Study.Publish(DatasetLayer.Transformed, "AE_DAILY", TestStudy.V2);
        Study.Publish(DatasetLayer.Transformed, "AE_WEEKLY", TestStudy.V2);

        await Probe.PublishAsync(new PipelineCompleted
        {
            StudyId = Study.Id,
            ScriptName = "ae_rollups.py",
            TransformedVersion = TestStudy.V2,
            Datasets = ["AE_DAILY", "AE_WEEKLY"],
            CompletedAt = DateTimeOffset.UtcNow,
        });

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(InvalidationScope.Dataset, message.Scope);
        Assert.Equal(DatasetLayer.Transformed, message.Layer);
        Assert.Equal(["AE_DAILY", "AE_WEEKLY"], message.Datasets);
        Assert.Equal(["ae-daily", "ae-weekly"], message.WidgetIds);
        Assert.Equal(TestStudy.V1, message.PreviousVersion);
        Assert.Equal(TestStudy.V2, message.CurrentVersion);
        var manifest = await ManifestOnDiskAsync();
        Assert.Equal(TestStudy.V2, manifest.Datasets.Transformed["AE_DAILY"]);
        Assert.Equal(TestStudy.V1, manifest.Datasets.Transformed["VS_SUMMARY"]);
        Assert.Equal(TestStudy.V2, manifest.CurrentVersion.TransformedData);
        Assert.Equal(TestStudy.V1, manifest.CurrentVersion.SourceData);
        await AssertNothingMoreAsync();
    }

    [Fact]
    public async Task DuplicateAndOlderVersionsAreAcknowledgedAndIgnored()
    {
        await UploadAsync("AE", TestStudy.V3);

        await Probe.PublishAsync(Uploaded("AE", TestStudy.V3));
        Study.Publish(DatasetLayer.Source, "AE", TestStudy.V2);
        await Probe.PublishAsync(Uploaded("AE", TestStudy.V2));
        // The sentinel: handled after the two above were taken from the same queue.
        var sentinel = await UploadAsync("LB", TestStudy.V2);

        Assert.Equal(["LB"], sentinel.Message.Datasets);
        await AssertNothingMoreAsync();
        Assert.Equal(TestStudy.V3, await MirroredVersionAsync(DatasetLayer.Source, "AE"));
        Assert.Equal(TestStudy.V3, (await ManifestOnDiskAsync()).Datasets.Source["AE"]);
    }

    [Fact]
    public async Task VersionsHandledOutOfOrderAdvanceOnceEachAndEndAtTheNewest()
    {
        var versions = Enumerable.Range(1, 20).Select(second => $"2024-02-01-1200{second:00}").ToList();
        foreach (var version in versions)
        {
            Study.Publish(DatasetLayer.Source, "AE", version);
        }

        // Newest first, then the rest shuffled; eight handlers run at once, so the order they are handled in is anyone's.
        await Probe.PublishAsync(Uploaded("AE", versions[^1]));
        foreach (var version in versions[..^1].OrderBy(_ => Random.Shared.Next()))
        {
            await Probe.PublishAsync(Uploaded("AE", version));
        }

        Study.Publish(DatasetLayer.Source, "LB", TestStudy.V2);
        await Probe.PublishAsync(Uploaded("LB", TestStudy.V2));
        var observed = await Probe.UntilAsync(Study.Id, message => message.Datasets!.Contains("LB"));
        await Task.Delay(Grace);
        var advances = observed.Concat(Probe.Drain(Study.Id)).Select(o => o.Message).Where(m => m.Datasets!.Contains("AE")).ToList();

        // Each advance the compare-and-set allowed is announced once, and together they form one chain, never backwards.
        var chain = advances.OrderBy(m => m.CurrentVersion, StringComparer.Ordinal).ToList();
        Assert.Equal(versions[^1], chain[^1].CurrentVersion);
        Assert.Equal(TestStudy.V1, chain[0].PreviousVersion);
        for (var index = 1; index < chain.Count; index++)
        {
            Assert.Equal(chain[index - 1].CurrentVersion, chain[index].PreviousVersion);
        }

        Assert.Equal(versions[^1], await MirroredVersionAsync(DatasetLayer.Source, "AE"));
        Assert.Equal(versions[^1], (await ManifestOnDiskAsync()).Datasets.Source["AE"]);
    }

    [Fact]
    public async Task RawJsonFromAPlainAmqpClientIsHandledLikeAnEnvelope()
    {
        Study.Publish(DatasetLayer.Source, "AE", TestStudy.V2);

        await Probe.PublishRawAsync("WidgetPlatform.Contracts:DataUploaded", $$"""
            {"studyId":"{{Study.Id}}","dataset":"AE","sourceVersion":"{{TestStudy.V2}}","uploadedAt":"2024-01-11T14:30:00Z","rowCount":1543}
            """);

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(["ae-count", "ae-serious"], message.WidgetIds);
        Assert.Equal(TestStudy.V2, message.CurrentVersion);
    }

    [Fact]
    public async Task RawJsonWithoutAContentTypeIsHandledToo()
    {
        Study.Publish(DatasetLayer.Transformed, "VS_SUMMARY", TestStudy.V2);

        await Probe.PublishRawAsync("WidgetPlatform.Contracts:PipelineCompleted", $$"""
            {"studyId":"{{Study.Id}}","scriptName":"vitals.py","transformedVersion":"{{TestStudy.V2}}","datasets":["VS_SUMMARY"],"completedAt":"2024-01-11T14:50:00Z"}
            """, contentType: null);

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(["vs-summary"], message.WidgetIds);
    }

    [Fact]
    public async Task SupersededEntriesAreRemovedInTheBackgroundAndCurrentOnesKept()
    {
        var old = await StoreEntryAsync("ae-count", TestStudy.V1);
        var otherWidget = await StoreEntryAsync("dm-count", TestStudy.V1);
        // Indexed by its whole key, as releases before index members were shortened did.
        var expired = $"widget:{{{Study.Id}}}:ae-count:{TestStudy.V2}:ffffffffffffffff";
        await Probe.Redis.SetAddAsync(Caching.Keys.RedisKeys.WidgetIndex(Study.Id, "ae-count"), expired);

        await UploadAsync("AE", TestStudy.V2);
        var current = await StoreEntryAsync("ae-count", TestStudy.V2);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Probe.Redis.KeyExistsAsync(old) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(await Probe.Redis.KeyExistsAsync(old));
        Assert.True(await Probe.Redis.KeyExistsAsync(current));
        Assert.True(await Probe.Redis.KeyExistsAsync(otherWidget));
        Assert.Equal([Caching.Keys.WidgetCacheKey.Parse(current)!.IndexMember], (await IndexAsync("ae-count")).Select(member => member.ToString()));
    }
}
