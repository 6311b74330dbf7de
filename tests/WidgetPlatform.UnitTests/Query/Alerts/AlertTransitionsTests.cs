using StackExchange.Redis;
using WidgetPlatform.Query.Alerts;

namespace WidgetPlatform.UnitTests.Query.Alerts;

public sealed class AlertTransitionsTests
{
    [Fact]
    public async Task WithoutARedisToArbitrateEveryReplicaLogsEveryTransition()
    {
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(
            "127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200,connectRetry=0");
        var (one, other) = (new AlertTransitions(unreachable), new AlertTransitions(unreachable));

        Assert.True(await one.ClaimAsync("redis-unavailable", firing: true));
        Assert.True(await other.ClaimAsync("redis-unavailable", firing: true));
        Assert.True(await one.ClaimAsync("redis-unavailable", firing: false));
    }
}
