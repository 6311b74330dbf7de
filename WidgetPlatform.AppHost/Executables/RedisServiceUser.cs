namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// One service's Redis user (issue 18, least privilege): the key patterns it reads and writes, those it only reads, and
/// the commands every service gets — reads, writes and scripts, never what is <c>@dangerous</c> (<c>KEYS</c>,
/// <c>FLUSHALL</c>, <c>CONFIG</c>, <c>DEBUG</c>, …) except <c>INFO</c>, which the gateway's statistics and the
/// invalidation service's restart check read.
/// </summary>
public sealed record RedisServiceUser(string Name, IReadOnlyList<string> ReadWrite, IReadOnlyList<string> ReadOnly)
{
    // The cluster subcommands read the topology (a clustered Redis, DESIGN.md §9); CONFIG GET stays refused, it would
    // show every password.
    private const string Commands =
        "-@all +@read +@write +@connection +@pubsub +eval +evalsha +eval_ro +evalsha_ro +script|load +script|exists -@dangerous +info "
        + "+cluster|nodes +cluster|slots +cluster|shards +cluster|info";

    // lock-released: the stampede lock's release, published from its script; the other is StackExchange.Redis's own
    // configuration channel, which every multiplexer subscribes to.
    private const string Channels = "resetchannels &lock-released &__Booksleeve_MasterChanged";

    /// <summary>The users of the services, by their AppHost resource name; the key families are those of docs/cache.md, "Redis keys".</summary>
    public static readonly IReadOnlyList<RedisServiceUser> Services =
    [
        new("query",
            ["widget:*", "index:*", "lock:*", "stats:fleet", "active:*", "alerts:logged:*", "traffic:*", "partials:*", "partials-wide:*"],
            ["manifest:*", "studies", "epochs:*", "pass:*"]),
        new("warmer",
            ["widget:*", "index:*", "lock:*", "stats:fleet", "traffic:*", "schedule:*", "pass:*", "partials:*", "partials-wide:*"],
            ["manifest:*", "studies", "epochs:*", "active:*"]),
        new("invalidation",
            ["manifest:*", "studies", "pass:*", "epochs:*", "widget:*", "index:*", "announced:*", "revisions:*", "revision-claims:*"],
            []),
    ];

    /// <summary>
    /// The <c>user</c> line of redis.conf that defines this user with <paramref name="password"/>. A script's declared keys
    /// need full access whatever it does with them (the fenced store reads the manifest and the epochs beside the entry it
    /// writes), and one rule (the root, or a selector) must allow all of a command's keys: so a selector lets the scripting
    /// commands name any of the user's keys; each command a script then runs is checked again, and only reads of the
    /// read-only ones pass: <c>EVAL "redis.call('DEL', KEYS[1])" 1 manifest:{S}</c> is refused.
    /// </summary>
    public string ConfigurationLine(string password) =>
        $"user {Name} on >{password} resetkeys {Patterns("~", ReadWrite)} {Patterns("%R~", ReadOnly)} {Channels} {Commands}"
        + (ReadOnly.Count == 0 ? "" : $" ({Patterns("~", [.. ReadWrite, .. ReadOnly])} -@all +eval +evalsha)");

    private static string Patterns(string prefix, IEnumerable<string> patterns) => string.Join(' ', patterns.Select(pattern => prefix + pattern));
}
