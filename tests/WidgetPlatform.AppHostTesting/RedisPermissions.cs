using StackExchange.Redis;

namespace WidgetPlatform.AppHostTesting;

/// <summary>
/// What each service's Redis user must be refused, and some of what it must be allowed (issue 18, least privilege), as
/// commands with their arguments: the integration tests and the fault suite both send them, as the service's user. The
/// keys belong to no study, so that a missing rule touches nothing a platform holds.
/// </summary>
public static class RedisPermissions
{
    public const string NoStudy = "{NO-SUCH-STUDY}";

    public static readonly string[] Services = ["query", "invalidation", "warmer"];

    /// <summary>What no service may do: list every key, flush, read or change the configuration, the users, or stop Redis.</summary>
    public static readonly string[] ForbiddenToAll = ["KEYS *", "FLUSHALL", "FLUSHDB", "CONFIG GET requirepass", "CONFIG SET maxmemory 1mb", "ACL LIST", "SHUTDOWN NOSAVE"];

    /// <summary>Keys of another service's that a service may not write (or, where it has no need, read).</summary>
    public static readonly (string Service, string Command)[] ForbiddenKeys =
    [
        ("query", "DEL manifest:" + NoStudy),
        ("query", "HSET epochs:" + NoStudy + " ae-total 9"),
        ("query", "DEL epochs:" + NoStudy),
        ("query", "DEL announced:" + NoStudy),
        ("query", "SREM studies " + NoStudy),
        ("query", "SET schedule:priority-warm someone"),
        ("warmer", "HSET manifest:" + NoStudy + " source/AE 2099-01-01-000000"),
        ("warmer", "HINCRBY epochs:" + NoStudy + " ae-total 1"),
        ("warmer", "ZADD active:" + NoStudy + " 1 ae-total"),
        ("warmer", "SET alerts:logged:hit-rate firing"),
        ("invalidation", "ZADD active:" + NoStudy + " 1 ae-total"),
        ("invalidation", "SET lock:widget:" + NoStudy + ":ae-total token"),
        ("invalidation", "HSET stats:fleet someone {}"),
        ("invalidation", "GET traffic:" + NoStudy + ":total"),
    ];

    /// <summary>Every forbidden operation, by service.</summary>
    public static IEnumerable<(string Service, string Command)> Forbidden =>
        Services.SelectMany(service => ForbiddenToAll.Select(command => (service, command))).Concat(ForbiddenKeys);

    /// <summary>A few of the things each service does, which its user must be allowed.</summary>
    public static readonly (string Service, string Command)[] Allowed =
    [
        ("query", "HGETALL manifest:" + NoStudy),
        ("query", "HGET epochs:" + NoStudy + " ae-total"),
        ("query", "GET widget:" + NoStudy + ":ae-total:v:h"),
        ("warmer", "ZRANGE active:" + NoStudy + " 0 -1"),
        ("invalidation", "DEL widget:" + NoStudy + ":ae-total:v:h"),
        ("invalidation", "HDEL manifest:" + NoStudy + " source/AE"),
    ];

    /// <summary>
    /// A connection as the service's own user, with the connection string the AppHost gave it. Admin mode is on so that
    /// StackExchange.Redis sends every command and a refusal is the server's.
    /// </summary>
    public static async Task<ConnectionMultiplexer> ConnectAsAsync(TestPlatform platform, string service)
    {
        var options = ConfigurationOptions.Parse((await platform.EnvironmentOfAsync(service))["ConnectionStrings__cache"]);
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>A command line as the name and arguments StackExchange.Redis's <c>Execute</c> takes.</summary>
    public static (string Name, object[] Arguments) Split(string command)
    {
        var parts = command.Split(' ');
        return (parts[0], [.. parts[1..]]);
    }
}
