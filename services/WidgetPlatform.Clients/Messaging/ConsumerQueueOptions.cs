using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>
/// How a service's consumer queues are read: <c>WidgetPlatform:Invalidation:Queues</c> and <c>WidgetPlatform:Warming:Queues</c>.
/// Each service states its own defaults when it binds them.
/// </summary>
public sealed class ConsumerQueueOptions
{
    /// <summary>Messages handled at once per queue.</summary>
    [Range(1, 1_000)]
    public int ConcurrentMessages { get; set; } = 8;

    /// <summary>Messages read ahead per queue: enough for the concurrent handlers to stay busy.</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 32;

    /// <summary>
    /// The waits between in-memory retries of a failed message, which then goes to the error queue. Null means the service's
    /// default; configured as a list (<c>Queues:RetryIntervals:0=00:00:00.1</c> …), it replaces the default whole.
    /// </summary>
    public TimeSpan[]? RetryIntervals { get; set; }
}
