using StackExchange.Redis;
using WidgetPlatform.Query.Alerts;

namespace WidgetPlatform.IntegrationTests.Gateway;

/// <summary>One log line per alert transition for the fleet, arbitrated by the platform's Redis.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class AlertTransitionsTests(GatewayFixture platform)
{
    [Fact]
    public async Task OfReplicasSeeingTheSameTransitionOnlyTheFirstLogsIt()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var (one, other) = (new AlertTransitions(redis), new AlertTransitions(redis));
        var alert = $"test-{Guid.NewGuid():N}";

        bool[] claims =
        [
            await one.ClaimAsync(alert, firing: true),
            await other.ClaimAsync(alert, firing: true),
            await other.ClaimAsync(alert, firing: false),
            await one.ClaimAsync(alert, firing: false),
            await one.ClaimAsync(alert, firing: true),
        ];

        Assert.Equal([true, false, true, false, true], claims);
    }
}
