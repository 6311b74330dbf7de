namespace WidgetPlatform.Caching.Statistics;

/// <summary>What one process publishes to the fleet's statistics hash; <see cref="Process"/> is null from an older publisher.</summary>
public sealed record InstanceStatistics(string Instance, string Service, DateTimeOffset PublishedAt, CounterSnapshot Counters, ProcessFigures? Process = null);
