using StackExchange.Redis;
using WidgetPlatform.AppHostTesting;

namespace WidgetPlatform.FaultSuite.Platform;

/// <summary>
/// What Redis and the broker refused the services while they worked, gathered after every scenario: Redis forgets its
/// <c>ACL LOG</c> when it restarts (redis_killed, redis_restored restart it), and the test host keeps only the broker's
/// last 500 console lines, so reading either once at the end would see the last scenarios alone.
/// </summary>
public sealed class RefusalWatch(FaultPlatform platform)
{
    /// <summary>What StackExchange.Redis asks at every connection and does without: refused on purpose (it would show every password).</summary>
    private const string ConnectionProbe = "config|get";

    /// <summary>How the broker logs a refusal (a channel closed with 403), whoever was refused.</summary>
    private const string BrokerRefusal = "access_refused";

    // Redis's log merges repeats into one entry with a count: user, reason and object → the highest count seen.
    private readonly Dictionary<string, long> _redis = new(StringComparer.Ordinal);
    private readonly HashSet<string> _broker = new(StringComparer.Ordinal);

    /// <summary>Each kind of refusal Redis logged for a service user: "user reason object ×count".</summary>
    public IReadOnlyList<string> Redis => [.. _redis.Select(entry => $"{entry.Key} ×{entry.Value}")];

    /// <summary>Each refusal the broker logged, as it said it: "operation queue.bind caused a channel exception access_refused: …".</summary>
    public IReadOnlyList<string> Broker => [.. _broker.Select(line => line.IndexOf("operation ", StringComparison.Ordinal) is var start and >= 0 ? line[start..] : line)];

    /// <summary>Adds what both logged since the last look; a Redis that is down (a scenario that failed mid-fault) is looked at next time.</summary>
    public async Task GatherAsync()
    {
        // A console line carries its timestamp: the same line seen twice is one refusal.
        _broker.UnionWith(platform.Host.ConsoleLines("messaging").Where(line => line.Contains(BrokerRefusal, StringComparison.Ordinal)));
        try
        {
            await using var redis = await platform.Cache.ConnectAsync();
            foreach (var entry in (RedisResult[])(await redis.GetDatabase().ExecuteAsync("ACL", "LOG", "128"))!)
            {
                var fields = ((RedisResult[])entry!).Chunk(2).ToDictionary(pair => pair[0].ToString(), pair => pair[1].ToString(), StringComparer.Ordinal);
                if (RedisPermissions.Services.Contains(fields["username"]) && fields["object"] != ConnectionProbe)
                {
                    var kind = $"{fields["username"]} {fields["reason"]} {fields["object"]}";
                    _redis[kind] = Math.Max(_redis.GetValueOrDefault(kind), long.Parse(fields["count"], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        catch (RedisConnectionException)
        {
        }
    }
}
