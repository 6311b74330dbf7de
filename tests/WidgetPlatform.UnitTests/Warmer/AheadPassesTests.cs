extern alias warmer;
using WidgetPlatform.Caching.Passes;
using WidgetPlatform.Contracts;
using warmer::WidgetPlatform.Warmer.Warming;

namespace WidgetPlatform.UnitTests.Warmer;

/// <summary>
/// The announcement's warm waits for the upload's pass ahead from the moment that pass is accepted, not from when it starts
/// scanning: otherwise, while a pass resolves 1,000 combinations, the announcement's warm locks some of its keys and scans
/// the same files a second time.
/// </summary>
public sealed class AheadPassesTests
{
    private static readonly PendingPass Upload = new("S1", DatasetLayer.Source, "AE", "2026-01-01-000000");

    [Fact]
    public async Task AnAnnouncementWaitsForAPassAheadFromItsFirstStepUntilItsEnd()
    {
        var ahead = new AheadPasses();
        var resolving = new TaskCompletionSource();
        Task? waitingAtFirstStep = null;

        var running = ahead.RunAsync([Upload], async () =>
        {
            waitingAtFirstStep = ahead.WhenDoneAsync([Upload]);
            await resolving.Task;
        });
        var waitingMeanwhile = ahead.WhenDoneAsync([Upload]);
        await Task.Delay(50);

        Assert.False(waitingAtFirstStep!.IsCompleted);
        Assert.False(waitingMeanwhile.IsCompleted);
        resolving.SetResult();
        await running;
        await waitingAtFirstStep.WaitAsync(TimeSpan.FromSeconds(5));
        await waitingMeanwhile.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(ahead.WhenDoneAsync([Upload]).IsCompleted);
    }

    [Fact]
    public async Task APassThatFailsStillReleasesItsWaiters()
    {
        var ahead = new AheadPasses();
        var failing = new TaskCompletionSource();
        var running = ahead.RunAsync([Upload], () => failing.Task);
        var waiting = ahead.WhenDoneAsync([Upload]);

        failing.SetException(new InvalidOperationException("the scan failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => running);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
