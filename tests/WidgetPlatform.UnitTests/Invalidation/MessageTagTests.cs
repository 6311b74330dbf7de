extern alias invalidation;

using invalidation::WidgetPlatform.Invalidation.Validation;
using WidgetPlatform.Data;

namespace WidgetPlatform.UnitTests.Invalidation;

/// <summary>Tags in a ManualInvalidationRequested: the one tag rule, a refusal (straight to the error queue) with its reason.</summary>
public sealed class MessageTagTests
{
    [Theory]
    [InlineData("campaign:123", "campaign:123")]
    [InlineData("adverse events\t", "adverse events")]
    public void ATagIsTakenTrimmed(string value, string expected) => Assert.Equal(expected, MessageChecks.Tag(value, 0));

    [Fact]
    public void ABadTagIsRejectedWithTheReasonTheErrorQueueShows()
    {
        var rejected = Assert.Throws<InvalidationRejectedException>(() => MessageChecks.Tag(new string('t', 300), 2));

        Assert.Equal($"tags[2] has 300 characters: {Tag.Rule}.", rejected.Message);
    }
}
