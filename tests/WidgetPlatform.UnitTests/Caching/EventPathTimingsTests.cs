using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.UnitTests.Caching;

public sealed class EventPathTimingsTests
{
    [Fact]
    public void StepTimingsTravelThroughTheHeaderFormat()
    {
        var sent = new StepTimings();
        sent.Add(EventPathStep.QueueWait, TimeSpan.FromMilliseconds(1.25));
        sent.Add(EventPathStep.MirrorAdvance, TimeSpan.FromMicroseconds(350));

        var received = StepTimings.Parse(sent.Format());

        Assert.Equal("queue.wait=1.25;manifest.mirror.advance=0.35", sent.Format());
        Assert.Equal([(EventPathStep.QueueWait, 1.25), (EventPathStep.MirrorAdvance, 0.35)], received.Steps);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("queue.wait=")]
    [InlineData("queue.wait=-1")]
    [InlineData("queue.wait=NaN")]
    [InlineData("made.up.step=1")]
    [InlineData("=3;;")]
    public void AHeaderThatIsMissingMalformedOrNamesUnknownStepsContributesNothing(string? header) =>
        Assert.Empty(StepTimings.Parse(header).Steps);

    [Fact]
    public void OnlyTheKnownStepsOfAMixedHeaderAreKept()
    {
        var parsed = StepTimings.Parse("queue.wait=2;evil.label.explosion=1;widgets.list=0.5");

        Assert.Equal([EventPathStep.QueueWait, EventPathStep.WidgetsList], parsed.Steps.Select(step => step.Step));
    }

    [Fact]
    public void AWaitIsTakenFromTheSendersStampOnlyWhenThereIsOneBehindThisClock()
    {
        var timings = new StepTimings();

        timings.AddWaitSince(EventPathStep.QueueWait, null);
        timings.AddWaitSince(EventPathStep.QueueWait, DateTime.UtcNow.AddMinutes(1));
        timings.AddWaitSince(EventPathStep.FanOutDelivery, DateTime.UtcNow.AddMilliseconds(-40));

        var (step, ms) = Assert.Single(timings.Steps);
        Assert.Equal(EventPathStep.FanOutDelivery, step);
        Assert.InRange(ms, 40, 60_000);
    }

    [Fact]
    public async Task ATimedStepIsAddedEvenWhenItFails()
    {
        var timings = new StepTimings();

        Assert.Equal(3, await timings.TimeAsync(EventPathStep.WidgetsList, () => Task.FromResult(3)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => timings.TimeAsync(EventPathStep.VersionsLearn, () => throw new InvalidOperationException()));

        Assert.Equal([EventPathStep.WidgetsList, EventPathStep.VersionsLearn], timings.Steps.Select(step => step.Step));
    }

    [Fact]
    public void StepHistogramsOfSeveralProcessesAddUpByStep()
    {
        var gateway = new CacheCounters();
        var other = new CacheCounters();
        gateway.EventPath.Record(EventPathStep.FanOutDelivery, TimeSpan.FromMilliseconds(1));
        gateway.EventPath.Record(EventPathStep.UploadPublish, TimeSpan.FromMilliseconds(4));
        other.EventPath.Record(EventPathStep.FanOutDelivery, TimeSpan.FromMilliseconds(3));
        other.EventPath.Record("not.a.step", TimeSpan.FromMilliseconds(3));

        var fleet = gateway.Snapshot().Add(other.Snapshot());

        Assert.Equal(2, fleet.EventPath[EventPathStep.FanOutDelivery].Count);
        Assert.Equal(1, fleet.EventPath[EventPathStep.UploadPublish].Count);
        Assert.False(fleet.EventPath.ContainsKey("not.a.step"));
        Assert.InRange(fleet.EventPath[EventPathStep.FanOutDelivery].PercentileMs(0.99)!.Value, 3, 4.5);
    }
}
