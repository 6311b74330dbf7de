extern alias invalidation;
using System.Collections.Immutable;
using invalidation::WidgetPlatform.Invalidation.Restarts;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class PrimaryRunIdsTests
{
    private static PrimaryRunIds Of(params (string Primary, string RunId)[] primaries) =>
        new(primaries.ToImmutableDictionary(primary => primary.Primary, primary => primary.RunId, StringComparer.Ordinal));

    [Fact]
    public void TheSameRunIdsAtTheSameAddressesAreNoRestart()
    {
        var known = Of(("a:1", "r1"), ("b:2", "r2"), ("c:3", "r3"));

        Assert.False(Of(("c:3", "r3"), ("a:1", "r1"), ("b:2", "r2")).RestartedSince(known));
    }

    [Fact]
    public void ANewRunIdAtAKnownAddressIsARestart() =>
        Assert.True(Of(("a:1", "r1"), ("b:2", "r2-again")).RestartedSince(Of(("a:1", "r1"), ("b:2", "r2"))));

    [Fact]
    public void APrimaryAtANewAddressIsARestartBecauseAPromotedReplicaMayHaveMissedWrites() =>
        Assert.True(Of(("a:1", "r1"), ("d:4", "r4")).RestartedSince(Of(("a:1", "r1"), ("b:2", "r2"))));

    [Fact]
    public void APrimaryThatDoesNotAnswerIsNoRestartAndIsStillKnownWhenItComesBack()
    {
        var known = Of(("a:1", "r1"), ("b:2", "r2"));
        var withoutB = Of(("a:1", "r1"));

        Assert.False(withoutB.RestartedSince(known));
        var after = known.With(withoutB);
        Assert.False(Of(("a:1", "r1"), ("b:2", "r2")).RestartedSince(after));
        Assert.True(Of(("a:1", "r1"), ("b:2", "r2-again")).RestartedSince(after));
    }
}
