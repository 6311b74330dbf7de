using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Query.Events;

/// <summary>Configuration section <c>WidgetPlatform:Gateway:Events</c>: the server-sent event streams.</summary>
public sealed class EventStreamOptions
{
    public const string Section = "WidgetPlatform:Gateway:Events";

    /// <summary>
    /// Events queued for one client that reads slowly; past it the oldest are dropped (each event says what is current, so
    /// the newest is what counts), and a stalled client never holds the gateway's memory.
    /// </summary>
    [Range(1, 100_000)]
    public int QueuedEventsPerClient { get; set; } = 64;
}
