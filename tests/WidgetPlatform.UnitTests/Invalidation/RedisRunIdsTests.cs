extern alias invalidation;
using System.Collections.Immutable;
using invalidation::WidgetPlatform.Invalidation.Restarts;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class RedisRunIdsTests
{
    private static RedisRunIds Of(params (string Server, string RunId, bool Primary)[] servers) =>
        new(servers.ToImmutableDictionary(server => server.Server, server => new RedisServerRun(server.RunId, server.Primary), StringComparer.Ordinal));

    [Fact]
    public void TheSameServersWithTheSameRunIdsAndRolesAreNoRestart() =>
        Assert.False(Of(("c:3", "r3", false), ("a:1", "r1", true)).RestartedSince(Of(("a:1", "r1", true), ("c:3", "r3", false))));

    [Fact]
    public void APrimaryWithANewRunIdAtAKnownAddressRestarted() =>
        Assert.True(Of(("a:1", "r1-again", true)).RestartedSince(Of(("a:1", "r1", true))));

    [Fact]
    public void AReplicaPromotedToPrimaryCountsAsARestartBecauseItMayHaveMissedWrites() =>
        Assert.True(Of(("a:1", "r1", false), ("b:2", "r2", true)).RestartedSince(Of(("a:1", "r1", true), ("b:2", "r2", false))));

    [Fact]
    public void AReplicaThatRestartedIsNoRestartOfTheData() =>
        Assert.False(Of(("a:1", "r1", true), ("b:2", "r2-again", false)).RestartedSince(Of(("a:1", "r1", true), ("b:2", "r2", false))));

    [Fact]
    public void AServerThatConnectedLateIsLearnedNotSuspected()
    {
        var atStart = Of(("a:1", "r1", true));
        var later = Of(("a:1", "r1", true), ("b:2", "r2", true));

        Assert.False(later.RestartedSince(atStart));
        Assert.True(Of(("b:2", "r2-again", true)).RestartedSince(atStart.With(later)));
    }

    [Fact]
    public void AServerThatDoesNotAnswerIsNoRestartAndIsStillKnownWhenItComesBack()
    {
        var known = Of(("a:1", "r1", true), ("b:2", "r2", true));
        var withoutB = Of(("a:1", "r1", true));

        Assert.False(withoutB.RestartedSince(known));
        var after = known.With(withoutB);
        Assert.False(Of(("a:1", "r1", true), ("b:2", "r2", true)).RestartedSince(after));
        Assert.True(Of(("a:1", "r1", true), ("b:2", "r2-again", true)).RestartedSince(after));
    }
}
