using WidgetPlatform.Caching.Statistics.Traffic;
using WidgetPlatform.Query.Statistics;

namespace WidgetPlatform.Query.Alerts;

/// <summary>What one evaluation judges: the fleet's traffic over the window and what Redis, the warmer and the broker report.</summary>
/// <param name="ErrorQueueMessages">Messages in the services' error queues, or null when the broker could not be asked.</param>
public sealed record AlertInputs(TrafficCounts Window, RedisFigures Redis, long EvictionsInWindow, TimeSpan WarmerLag, long? ErrorQueueMessages);
