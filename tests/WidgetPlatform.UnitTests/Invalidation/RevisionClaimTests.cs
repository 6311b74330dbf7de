extern alias invalidation;

using invalidation::WidgetPlatform.Invalidation.Ledger;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class RevisionClaimTests
{
    [Fact]
    public void TheHandlingThatClaimedTheRevisionAnnouncesIt() =>
        Assert.True(new RevisionClaim(Claimed: true, NewestClaimed: 3, NewestAnnounced: 2).ShouldAnnounce(3, redelivered: false));

    [Fact]
    public void ACopyThatLostTheClaimToItsTwinDoesNot() =>
        Assert.False(new RevisionClaim(Claimed: false, NewestClaimed: 3, NewestAnnounced: 2).ShouldAnnounce(3, redelivered: false));

    [Fact]
    public void ARedeliveryOfAClaimNeverAnnouncedFinishesTheWork() =>
        Assert.True(new RevisionClaim(Claimed: false, NewestClaimed: 3, NewestAnnounced: 2).ShouldAnnounce(3, redelivered: true));

    [Fact]
    public void ARedeliveryOfAnAnnouncedRevisionIsADuplicate() =>
        Assert.False(new RevisionClaim(Claimed: false, NewestClaimed: 3, NewestAnnounced: 3).ShouldAnnounce(3, redelivered: true));

    [Fact]
    public void AnOlderRevisionIsNeverAnnouncedEvenRedelivered() =>
        Assert.False(new RevisionClaim(Claimed: false, NewestClaimed: 4, NewestAnnounced: 2).ShouldAnnounce(3, redelivered: true));
}
