using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace WidgetPlatform.AppHost.Executables;

/// <summary>
/// Configuration section <c>WidgetPlatform:CacheServer</c>: the memory limit, eviction policy and persistence of the Redis the
/// AppHost runs (docs/cache.md, "Redis memory and persistence"). Every entry is reproducible from Parquet, so the defaults
/// trade durability for speed: a limit, evicting the least frequently used of the keys that expire, and no persistence.
/// </summary>
public sealed partial record CacheServerSettings(string MaxMemory, string MaxMemoryPolicy, string Persistence)
{
    public const string Section = "WidgetPlatform:CacheServer";

    /// <summary>
    /// Only keys with a TTL are evicted: entries, locks, partials and the statistics' buckets all have one, while the
    /// manifest mirror, the widget epochs (the write fence) and the ledger have none and must never be evicted. Among the
    /// entries, frequency beats recency for dashboards, whose popular widgets are asked all day.
    /// </summary>
    public const string DefaultPolicy = "volatile-lfu";

    private static readonly string[] Policies =
        ["volatile-lfu", "volatile-lru", "volatile-ttl", "volatile-random", "allkeys-lfu", "allkeys-lru", "allkeys-random", "noeviction"];

    private static readonly string[] PersistenceModes = ["none", "rdb", "aof"];

    public static CacheServerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = new CacheServerSettings(section["MaxMemory"] ?? "256mb", section["MaxMemoryPolicy"] ?? DefaultPolicy, section["Persistence"] ?? "none");
        if (!MemorySize().IsMatch(settings.MaxMemory))
        {
            throw new InvalidOperationException($"{Section}:MaxMemory is '{settings.MaxMemory}'; expected a size such as 256mb, 1gb or 0 (no limit).");
        }

        if (!Policies.Contains(settings.MaxMemoryPolicy))
        {
            throw new InvalidOperationException($"{Section}:MaxMemoryPolicy is '{settings.MaxMemoryPolicy}'; expected one of {string.Join(", ", Policies)}.");
        }

        return PersistenceModes.Contains(settings.Persistence)
            ? settings
            : throw new InvalidOperationException($"{Section}:Persistence is '{settings.Persistence}'; expected none, rdb (snapshots) or aof (append-only file).");
    }

    /// <summary>The lines of redis.conf these settings make.</summary>
    public string ConfigurationLines() =>
        $"""
        maxmemory {MaxMemory}
        maxmemory-policy {MaxMemoryPolicy}
        {PersistenceLines()}
        """;

    private string PersistenceLines() => Persistence switch
    {
        // A snapshot after 60 s with a change: a restarted Redis comes back warm, missing at most the last minute's entries.
        "rdb" => "save 60 1\nappendonly no",
        "aof" => "save \"\"\nappendonly yes\nappendfsync everysec",
        _ => "save \"\"\nappendonly no",
    };

    [GeneratedRegex("^[0-9]+(b|kb|mb|gb)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySize();
}
