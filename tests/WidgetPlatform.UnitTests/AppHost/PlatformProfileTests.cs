using Microsoft.Extensions.Configuration;
using WidgetPlatform.AppHost.ScaleOut;

namespace WidgetPlatform.UnitTests.AppHost;

public sealed class PlatformProfileTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("single")]
    public void TheSingleProfileRunsOneReplicaOfEachService(string? configured)
    {
        var profile = PlatformProfile.From(Configuration(configured));

        Assert.False(profile.IsScaleOut);
        Assert.All(new[] { "query", "invalidation", "warmer" }, service => Assert.Equal(1, profile.DefaultReplicas(service)));
    }

    [Fact]
    public void TheScaleOutProfileRunsThreeGatewaysAndTwoOfEveryOtherService()
    {
        var profile = PlatformProfile.From(Configuration("scale-out"));

        Assert.True(profile.IsScaleOut);
        Assert.Equal((3, 2, 2), (profile.DefaultReplicas("query"), profile.DefaultReplicas("invalidation"), profile.DefaultReplicas("warmer")));
    }

    [Fact]
    public void AnUnknownProfileStopsTheAppHostNamingTheChoices()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PlatformProfile.From(Configuration("cluster")));

        Assert.Equal("WidgetPlatform:Profile is 'cluster'; expected single or scale-out.", refused.Message);
    }

    private static IConfiguration Configuration(string? profile) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WidgetPlatform:Profile"] = profile }).Build();
}
