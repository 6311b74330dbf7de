using System.Collections.Concurrent;
using StackExchange.Redis;

namespace WidgetPlatform.Query.Alerts;

/// <summary>
/// One log line per alert transition for the whole fleet. Every gateway replica judges the same fleet-wide figures and
/// sees the same transitions, so each claims its transition in Redis by swapping the alert's last logged state
/// (<c>SET … GET</c>): only the replica that changes it logs. A Redis that cannot be asked cannot arbitrate, so then every
/// replica logs, and the transition after it too (a duplicate line rather than none). The keys have no TTL: at the
/// memory limit only keys with one are evicted.
/// </summary>
public sealed class AlertTransitions(IConnectionMultiplexer redis)
{
    public const string KeyPrefix = "alerts:logged:";

    private const string Firing = "firing";
    private const string Clear = "clear";

    private readonly ConcurrentDictionary<string, byte> _unrecorded = new(StringComparer.Ordinal);

    /// <summary>Whether this process is the one to log the alert's change to <paramref name="firing"/>.</summary>
    public async Task<bool> ClaimAsync(string alert, bool firing)
    {
        var state = firing ? Firing : Clear;
        try
        {
            var previous = await redis.GetDatabase().StringSetAndGetAsync(KeyPrefix + alert, state);
            return _unrecorded.TryRemove(alert, out _) || previous != state;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            _unrecorded[alert] = 0;
            return true;
        }
    }
}
