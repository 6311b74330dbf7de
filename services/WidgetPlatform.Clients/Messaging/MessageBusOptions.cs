using System.ComponentModel.DataAnnotations;

namespace WidgetPlatform.Clients.Messaging;

/// <summary>Configuration section <c>WidgetPlatform:Messaging</c>: how long a service waits on the broker when it starts and stops.</summary>
public sealed class MessageBusOptions
{
    public const string Section = "WidgetPlatform:Messaging";

    /// <summary>
    /// How long the start waits for the bus before the service runs on without it, unhealthy and saying why, while the bus
    /// keeps retrying (the broker unreachable or refusing the topology).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long stopping waits for running consumers; with <see cref="StopTimeout"/>, well inside the host's 30 s shutdown.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long stopping waits for the bus itself: a bus stopping against a vanished broker once hung a process past SIGTERM.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
