using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;
using WidgetPlatform.Warmer.Scheduling;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>
/// The lease that keeps each scheduled job (priority warm, hot refresh, cleanup) to one replica per period, contended for by
/// two replicas on the platform's Redis; each test leases jobs of its own, which the running warmers never ask for.
/// </summary>
[Collection(WarmerReplicasPlatform.Name)]
public sealed class ScheduleLeaseTests(WarmerReplicasFixture platform)
{
    private const int Jobs = 20;
    private const int Periods = 3;

    [Fact]
    public async Task OfTwoReplicasAskingTogetherOneRunsTheJobEveryPeriodAndTheOtherNever()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        ScheduleLease[] replicas = [Replica(redis), Replica(redis)];
        var period = TimeSpan.FromMinutes(10);

        foreach (var job in Enumerable.Range(0, Jobs).Select(_ => $"test-{Guid.NewGuid():N}"))
        {
            var first = await Task.WhenAll(replicas.Select(replica => replica.TryTakeAsync(job, period)));
            Assert.Single(first, taken => taken);
            var holder = replicas[Array.IndexOf(first, true)];
            var other = replicas[Array.IndexOf(first, false)];

            // Each replica asks again when its own schedule comes round: the holder runs every period, the other never.
            for (var next = 0; next < Periods; next++)
            {
                Assert.True(await holder.TryTakeAsync(job, period));
                Assert.False(await other.TryTakeAsync(job, period));
            }
        }
    }

    [Fact]
    public async Task AJobWhoseHolderStopsAskingPassesToTheOtherReplicaOnceItsLeaseRunsOut()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var (holder, successor) = (Replica(redis), Replica(redis));
        var job = $"test-{Guid.NewGuid():N}";
        var period = TimeSpan.FromMilliseconds(200);
        Assert.True(await holder.TryTakeAsync(job, period));
        Assert.False(await successor.TryTakeAsync(job, period));

        await WaitUntilGoneAsync(redis.GetDatabase(), $"schedule:{job}");

        Assert.True(await successor.TryTakeAsync(job, period));
        Assert.False(await holder.TryTakeAsync(job, period));
    }

    /// <summary>A replica of its own: without the AppHost's instance name, every identity is unique to its process and object.</summary>
    private static ScheduleLease Replica(IConnectionMultiplexer redis) => new(redis, new InstanceIdentity(new ConfigurationBuilder().Build()));

    private static async Task WaitUntilGoneAsync(IDatabase redis, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await redis.KeyExistsAsync(key) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(await redis.KeyExistsAsync(key), $"{key} outlived its expiry");
    }
}
