using StackExchange.Redis;

namespace WidgetPlatform.IntegrationTests.WarmerReplicas;

/// <summary>
/// The warmer's scheduled cleanup against the configured lock timeout (one minute here, twice the built-in one): a lock a
/// live computation may hold survives every run, a lock no computation could have written is removed.
/// </summary>
[Collection(WarmerReplicasPlatform.Name)]
public sealed class StaleLockCleanupTests(WarmerReplicasFixture platform)
{
    [Fact]
    public async Task ALockWithinTheConfiguredTimeoutSurvivesTheScheduledCleanupAndOneBeyondItIsRemoved()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Host.GetConnectionString("cache"));
        var database = redis.GetDatabase();
        var configured = TimeSpan.Parse(WarmerReplicasFixture.LockTimeout);
        var held = $"lock:widget:{{CLEANUP-{Guid.NewGuid():N}}}:held";
        var stale = $"lock:widget:{{CLEANUP-{Guid.NewGuid():N}}}:stale";

        // As a gateway configured like the warmers writes it, 45 s into a one-minute timeout: past the built-in 30 s.
        await database.StringSetAsync(held, "holder-token", TimeSpan.FromSeconds(45));
        await database.StringSetAsync(stale, "holder-token", configured + TimeSpan.FromMinutes(1));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await database.KeyExistsAsync(stale) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.False(await database.KeyExistsAsync(stale), "no scheduled cleanup ran within 20 s");
        Assert.True(await database.KeyExistsAsync(held), "the cleanup removed a lock a live computation may still hold");
        await database.KeyDeleteAsync(held);
    }
}
