using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// How a service's consumer queues are read: <c>WidgetPlatform:Invalidation:Queues</c> and <c>WidgetPlatform:Warming:Queues</c>.
/// Each service states its defaults where it registers them (<c>AddConsumerQueues</c>).
/// </summary>
public sealed class ConsumerQueueOptions
{
    /// <summary>Messages handled at once per queue.</summary>
    [Range(1, 1_000)]
    public int ConcurrentMessages { get; set; }

    /// <summary>Messages read ahead per queue: enough for the concurrent handlers to stay busy.</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; }

    /// <summary>
    /// The waits between in-memory retries of a failed message, which then goes to the error queue. Configured as a list
    /// (<c>Queues:RetryIntervals:0=00:00:00.1</c> …), it replaces the service's default whole.
    /// </summary>
    [Required]
    public TimeSpan[]? RetryIntervals { get; set; }

    /// <summary>The wait between attempts of a message that failed because Redis did not answer…</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RedisOutageRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>…and how many such attempts before it goes to the error queue: 300 × 2 s rides out a 10-minute outage.</summary>
    [Range(0, 100_000)]
    public int RedisOutageRetries { get; set; } = 300;
}
