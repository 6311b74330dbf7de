using WidgetPlatform.Contracts;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>docs/design.md §7: a configuration change touches that widget only; a manual invalidation only the named widgets or tags.</summary>
[Collection(SharedPlatform.Name)]
public sealed class WidgetInvalidationTests(PlatformFixture platform) : InvalidationTestBase(platform)
{
    [Fact]
    public async Task ConfigurationChangeRemovesThatWidgetsEntriesOnly()
    {
        var changed = await StoreEntryAsync("ae-count", TestStudy.V1);
        var indexedByAnEarlierRelease = await StoreEntryAsync("ae-count", TestStudy.V1, "fedcba9876543210", wholeKeyMember: true);
        var untouched = await StoreEntryAsync("ae-serious", TestStudy.V1);

        await Probe.PublishAsync(Changed("ae-count", revision: 2));

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(InvalidationScope.Widget, message.Scope);
        Assert.Equal(["ae-count"], message.WidgetIds);
        Assert.False(await Probe.Redis.KeyExistsAsync(changed));
        Assert.False(await Probe.Redis.KeyExistsAsync(indexedByAnEarlierRelease));
        Assert.Empty(await IndexAsync("ae-count"));
        Assert.Equal(1, await EpochAsync("ae-count"));
        Assert.True(await Probe.Redis.KeyExistsAsync(untouched));
        Assert.Equal(0, await EpochAsync("ae-serious"));
        await AssertNothingMoreAsync();
    }

    [Fact]
    public async Task RepeatedAndOlderRevisionsAreIgnored()
    {
        await Probe.PublishAsync(Changed("dm-count", revision: 3));
        await Probe.NextAsync(Study.Id);

        await Probe.PublishAsync(Changed("dm-count", revision: 3));
        await Probe.PublishAsync(Changed("dm-count", revision: 2));
        await Probe.PublishAsync(Changed("lb-count", revision: 1));

        Assert.Equal(["lb-count"], (await Probe.NextAsync(Study.Id)).Message.WidgetIds);
        await AssertNothingMoreAsync();
        Assert.Equal(1, await EpochAsync("dm-count"));
    }

    [Fact]
    public async Task CopiesOfOneChangeHandledAtTheSameTimeAreAnnouncedOnce()
    {
        // The queue is consumed eight at a time, so these copies race each other through the handler.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Probe.PublishAsync(Changed("dm-count", revision: 5))));

        Assert.Equal(["dm-count"], (await Probe.NextAsync(Study.Id)).Message.WidgetIds);
        await AssertNothingMoreAsync();
        Assert.Equal(1, await EpochAsync("dm-count"));
    }

    [Fact]
    public async Task ManualInvalidationByTagCoversExactlyTheTaggedWidgets()
    {
        var tagged = await StoreEntryAsync("ae-daily", TestStudy.V1);
        var untagged = await StoreEntryAsync("vs-summary", TestStudy.V1);

        await Probe.PublishAsync(new ManualInvalidationRequested { StudyId = Study.Id, Tags = ["pipeline"], RequestedAt = DateTimeOffset.UtcNow });

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(InvalidationScope.Tags, message.Scope);
        Assert.Equal(["pipeline"], message.Tags);
        Assert.Equal(TestStudy.WidgetsTagged("pipeline"), message.WidgetIds);
        Assert.False(await Probe.Redis.KeyExistsAsync(tagged));
        Assert.True(await Probe.Redis.KeyExistsAsync(untagged));
        Assert.Equal(1, await EpochAsync("ae-weekly"));
        Assert.Equal(0, await EpochAsync("vs-summary"));
    }

    [Fact]
    public async Task ManualInvalidationOfNamedWidgetsCoversThoseOnly()
    {
        var named = await StoreEntryAsync("lb-count", TestStudy.V1);
        var other = await StoreEntryAsync("ae-count", TestStudy.V1);

        await Probe.PublishAsync(new ManualInvalidationRequested { StudyId = Study.Id, WidgetIds = ["lb-count", "dm-count"], RequestedAt = DateTimeOffset.UtcNow });

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(InvalidationScope.Widget, message.Scope);
        Assert.Equal(["dm-count", "lb-count"], message.WidgetIds);
        Assert.False(await Probe.Redis.KeyExistsAsync(named));
        Assert.True(await Probe.Redis.KeyExistsAsync(other));
    }

    [Fact]
    public async Task NamesThatAreNoWidgetAndLeftNothingWriteNothingWhileADeletedWidgetsLeftoversGo()
    {
        // Found by the fault suite's hostile input (issue 18): 10,000 made-up names each left an epoch field behind.
        var leftover = await StoreEntryAsync("deleted-widget", TestStudy.V1);
        var madeUp = Enumerable.Range(0, 100).Select(index => $"made-up-{index}").ToList();

        await Probe.PublishAsync(new ManualInvalidationRequested { StudyId = Study.Id, WidgetIds = [.. madeUp, "deleted-widget", "dm-count"], RequestedAt = DateTimeOffset.UtcNow });

        Assert.Contains("made-up-0", (await Probe.NextAsync(Study.Id)).Message.WidgetIds!);
        var epochs = await Probe.Redis.HashKeysAsync(WidgetPlatform.Caching.Keys.RedisKeys.WidgetEpochs(Study.Id));
        Assert.DoesNotContain(epochs, field => field.ToString().StartsWith("made-up-", StringComparison.Ordinal));
        Assert.False(await Probe.Redis.KeyExistsAsync(leftover));
        Assert.Equal(1, await EpochAsync("deleted-widget"));
        Assert.Equal(1, await EpochAsync("dm-count"));
    }

    [Fact]
    public async Task ManualInvalidationWithoutWidgetsOrTagsCoversTheStudy()
    {
        var entries = new List<string>();
        foreach (var widget in TestStudy.Widgets.Keys)
        {
            entries.Add(await StoreEntryAsync(widget, TestStudy.V1));
        }

        await Probe.PublishAsync(new ManualInvalidationRequested { StudyId = Study.Id, RequestedAt = DateTimeOffset.UtcNow });

        var message = (await Probe.NextAsync(Study.Id)).Message;
        Assert.Equal(InvalidationScope.Study, message.Scope);
        Assert.Equal(TestStudy.Widgets.Keys.Order(StringComparer.Ordinal), message.WidgetIds);
        foreach (var entry in entries)
        {
            Assert.False(await Probe.Redis.KeyExistsAsync(entry));
        }
    }

    private WidgetConfigurationChanged Changed(string widgetId, int revision) => new()
    {
        StudyId = Study.Id,
        WidgetId = widgetId,
        Revision = revision,
        ChangedAt = DateTimeOffset.UtcNow,
    };
}
