namespace WidgetPlatform.Caching.Statistics;

/// <summary>What one process publishes to the fleet's statistics hash.</summary>
public sealed record InstanceStatistics(string Instance, string Service, DateTimeOffset PublishedAt, CounterSnapshot Counters);
