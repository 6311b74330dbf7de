extern alias invalidation;

using invalidation::WidgetPlatform.Invalidation.Datasets;

namespace WidgetPlatform.UnitTests.Invalidation;

public sealed class AnnounceRuleTests
{
    private const string V1 = "2024-01-10-143000";
    private const string V2 = "2024-01-11-143000";
    private const string V3 = "2024-01-12-143000";

    [Fact]
    public void AVersionThisHandlingAdvancedIsAnnounced() =>
        Assert.True(AnnounceRule.ShouldAnnounce(V2, advanced: true, current: V2, announced: V1, redelivered: false));

    [Fact]
    public void AFirstDeliveryOfTheCurrentVersionIsADuplicate() =>
        Assert.False(AnnounceRule.ShouldAnnounce(V2, advanced: false, current: V2, announced: null, redelivered: false));

    [Fact]
    public void ARedeliveryOfAnAdvanceThatWasNeverAnnouncedFinishesTheWork() =>
        Assert.True(AnnounceRule.ShouldAnnounce(V2, advanced: false, current: V2, announced: V1, redelivered: true));

    [Fact]
    public void ARedeliveryOfAnAnnouncedVersionIsADuplicate() =>
        Assert.False(AnnounceRule.ShouldAnnounce(V2, advanced: false, current: V2, announced: V2, redelivered: true));

    [Fact]
    public void AVersionOlderThanTheCurrentOneIsNeverAnnounced() =>
        Assert.False(AnnounceRule.ShouldAnnounce(V2, advanced: false, current: V3, announced: V1, redelivered: true));
}
