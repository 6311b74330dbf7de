namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// One CacheInvalidated that announced a version of a dataset: when the invalidation service stamped it (its
/// <c>invalidatedAt</c>), when the suite's own queue heard it (as a gateway would), and the event path's steps the
/// invalidation service timed (<c>WidgetPlatform-Step-Timings</c>), all on the suite's clock.
/// </summary>
public sealed record Announcement(string Version, double AtMs, double HeardMs = double.NaN, string? Steps = null);
