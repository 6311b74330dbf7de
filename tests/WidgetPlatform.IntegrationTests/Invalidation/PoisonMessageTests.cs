using WidgetPlatform.Clients.Messaging;
using WidgetPlatform.Contracts;

namespace WidgetPlatform.IntegrationTests.Invalidation;

/// <summary>docs/design.md §7: what cannot be handled goes to the error queue with its reason, and the next message is handled.</summary>
[Collection(SharedPlatform.Name)]
public sealed class PoisonMessageTests(PlatformFixture platform) : InvalidationTestBase(platform)
{
    private const string Exchange = "WidgetPlatform.Contracts:DataUploaded";
    private const string ErrorQueue = "invalidation-data-uploaded_error";

    /// <summary>
    /// Declared when their endpoints start, not at their first fault: the gateway asks for every error queue's depth, and a
    /// missing one made the broker log an error each time. Most of these queues never see a fault in this suite.
    /// </summary>
    [Fact]
    public async Task EveryServiceQueuesErrorQueueExistsBeforeItsFirstFault()
    {
        var missing = await MissingErrorQueuesAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(15); missing.Count > 0 && DateTime.UtcNow < deadline; missing = await MissingErrorQueuesAsync())
        {
            await Task.Delay(200);
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task InvalidJsonGoesToTheErrorQueueAndTheNextMessageIsHandled()
    {
        var marker = Guid.NewGuid().ToString("N");

        await Probe.PublishRawAsync(Exchange, $$"""{"studyId":"{{Study.Id}}", "marker":"{{marker}}", oops""");
        var next = await UploadAsync("AE", TestStudy.V2);

        Assert.Equal(TestStudy.V2, next.Message.CurrentVersion);
        var error = await Probe.ErrorAsync(ErrorQueue, marker);
        Assert.Contains("MT-Fault-ExceptionType", error.Headers.Keys);
    }

    [Fact]
    public async Task RawJsonMissingARequiredFieldGoesToTheErrorQueue()
    {
        var marker = Guid.NewGuid().ToString("N");

        await Probe.PublishRawAsync(Exchange, $$"""{"studyId":"{{Study.Id}}","dataset":"AE","marker":"{{marker}}"}""");
        await UploadAsync("AE", TestStudy.V2);

        var error = await Probe.ErrorAsync(ErrorQueue, marker);
        Assert.Contains("sourceVersion", error.Headers["MT-Fault-Message"]);
    }

    [Fact]
    public async Task AnUnknownDatasetGoesToTheErrorQueueWithItsReasonWithoutRetries()
    {
        await Probe.PublishAsync(Uploaded("NO_SUCH_DATASET", TestStudy.V2));
        var next = await UploadAsync("DM", TestStudy.V2);

        Assert.Equal(["dm-count"], next.Message.WidgetIds);
        var error = await Probe.ErrorAsync(ErrorQueue, "NO_SUCH_DATASET");
        Assert.EndsWith("InvalidationRejectedException", error.Headers["MT-Fault-ExceptionType"]);
        Assert.Contains("has no source dataset 'NO_SUCH_DATASET'", error.Headers["MT-Fault-Message"]);
        // Retried, it would carry its retry count and have taken 22.6 s (RetryPolicy) to arrive, past the wait's 15 s.
        Assert.DoesNotContain("MT-Fault-RetryCount", error.Headers.Keys);
        Assert.Null(await MirroredVersionAsync(DatasetLayer.Source, "NO_SUCH_DATASET"));
    }

    [Fact]
    public async Task ABadIdentifierGoesToTheErrorQueue()
    {
        await Probe.PublishAsync(Uploaded("../../etc", TestStudy.V2));

        var error = await Probe.ErrorAsync(ErrorQueue, "../../etc");
        Assert.Contains("not an identifier", error.Headers["MT-Fault-Message"]);
    }

    private async Task<List<string>> MissingErrorQueuesAsync()
    {
        var missing = new List<string>();
        foreach (var queue in ServiceQueues.All.Select(ServiceQueues.ErrorQueue))
        {
            if (!await Probe.QueueExistsAsync(queue))
            {
                missing.Add(queue);
            }
        }

        return missing;
    }
}
