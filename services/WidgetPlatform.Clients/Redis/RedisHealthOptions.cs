using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Clients.Redis;

/// <summary>Configuration section <c>WidgetPlatform:Redis:Health</c>.</summary>
public sealed class RedisHealthOptions
{
    public const string Section = "WidgetPlatform:Redis:Health";

    /// <summary>A PING slower than this makes the health check fail: Redis is as good as away for the cache (G6).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
