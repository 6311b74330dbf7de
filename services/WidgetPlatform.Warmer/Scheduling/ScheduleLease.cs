using StackExchange.Redis;
using WidgetPlatform.Caching.Statistics;

namespace WidgetPlatform.Warmer.Scheduling;

/// <summary>
/// Which warmer replica runs a scheduled job: the first to ask holds the job's lease and renews it each time its own schedule
/// comes round, so the job runs once per period and the other replicas never run it. Its own lease never stands in the
/// holder's way: one that simply expired a period after it was taken was often still there at the holder's next tick, and
/// that period went unrun. A holder that stops renewing, gone or stuck, loses the lease after two periods to whichever
/// replica asks next.
/// </summary>
public sealed class ScheduleLease(IConnectionMultiplexer redis, InstanceIdentity identity)
{
    private static readonly LuaScript TakeScript = LuaScript.Prepare("""
        local holder = redis.call('GET', @lease)
        if holder and holder ~= @me then return 0 end
        redis.call('SET', @lease, @me, 'PX', @expiry)
        return 1
        """);

    /// <summary>True when this replica holds the job's lease for the coming period, and should run the job now.</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan period) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, new
        {
            lease = (RedisKey)$"schedule:{job}",
            me = identity.Id,
            expiry = (long)(2 * period).TotalMilliseconds,
        }) == 1;
}
