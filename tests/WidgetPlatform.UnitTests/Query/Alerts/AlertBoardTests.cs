using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WidgetPlatform.Query.Alerts;

namespace WidgetPlatform.UnitTests.Query.Alerts;

public sealed class AlertBoardTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    [Fact]
    public void AnAlertFiresOnceKeepsItsStartAndClearsOnce()
    {
        var board = new AlertBoard(Meters);

        var first = board.Update([("hit-rate", "low", 0.5, 0.9)], Start);
        var second = board.Update([("hit-rate", "lower", 0.4, 0.9)], Start.AddSeconds(15));
        var third = board.Update([], Start.AddSeconds(30));

        Assert.Single(first.Fired);
        Assert.Empty(second.Fired);
        Assert.Empty(second.Cleared);
        Assert.Equal("hit-rate", Assert.Single(third.Cleared).Name);
        Assert.Empty(board.Current);
        Assert.Equal(Start.AddSeconds(30), board.EvaluatedAt);
    }

    [Fact]
    public void TheBoardShowsTheLatestMessageSinceTheFirstFiring()
    {
        var board = new AlertBoard(Meters);
        board.Update([("evictions", "3 keys", 3, 0)], Start);
        board.Update([("evictions", "9 keys", 9, 0)], Start.AddSeconds(15));

        var alert = Assert.Single(board.Current);

        Assert.Equal("9 keys", alert.Message);
        Assert.Equal(Start, alert.Since);
    }

    [Fact]
    public void EvictionsAreTheGrowthOfRedisTotalWithinTheWindow()
    {
        var history = new EvictionHistory();
        var window = TimeSpan.FromSeconds(10);

        Assert.Equal(0, history.Record(Start, 100, window));
        Assert.Equal(5, history.Record(Start.AddSeconds(5), 105, window));
        Assert.Equal(0, history.Record(Start.AddSeconds(30), 105, window));
        // A restarted Redis counts from zero again.
        Assert.Equal(0, history.Record(Start.AddSeconds(31), 2, window));
        Assert.Equal(3, history.Record(Start.AddSeconds(32), 5, window));
    }

    [Fact]
    public void TheWarmerLagsFromAnInvalidationUntilAWarmAfterItIsHeard()
    {
        var time = new FakeTimeProvider(Start);
        var lag = new WarmerLag(time);

        lag.Invalidated("S", Start);
        time.Advance(TimeSpan.FromSeconds(40));
        lag.Invalidated("S", Start.AddSeconds(40));
        time.Advance(TimeSpan.FromSeconds(20));
        var waiting = lag.Longest();
        lag.Warmed("S", Start.AddSeconds(10));
        var afterAnEarlierWarm = lag.Longest();
        lag.Warmed("S", Start.AddSeconds(45));

        Assert.Equal(TimeSpan.FromMinutes(1), waiting);
        Assert.Equal(TimeSpan.FromMinutes(1), afterAnEarlierWarm);
        Assert.Equal(TimeSpan.Zero, lag.Longest());
    }

    [Fact]
    public void AWarmHeardBeforeTheInvalidationItFollowedLeavesNothingWaiting()
    {
        var lag = new WarmerLag(new FakeTimeProvider(Start));

        lag.Warmed("S", Start.AddSeconds(2));
        lag.Invalidated("S", Start.AddSeconds(1));

        Assert.Equal(TimeSpan.Zero, lag.Longest());
    }
}
