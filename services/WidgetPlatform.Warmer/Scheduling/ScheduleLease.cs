using StackExchange.Redis;

namespace WidgetPlatform.Warmer.Scheduling;

/// <summary>
/// One run of a scheduled job per period across every warmer replica: the first replica to take the period's lease does
/// the work; the lease simply expires at the end of the period, so a replica that dies holds nothing up.
/// </summary>
public sealed class ScheduleLease(IConnectionMultiplexer redis)
{
    public async Task<bool> TryTakeAsync(string job, TimeSpan period) =>
        await redis.GetDatabase().StringSetAsync($"schedule:{job}", Environment.ProcessId, period, When.NotExists);
}
