namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// One read of a widget by one reader: when it started and ended (milliseconds on the suite's monotonic clock), the status,
/// and for a 200 the data version it returned, where the answer came from (<c>metadata.cache</c>) and when it was calculated.
/// </summary>
public sealed record ReadRecord(int Reader, string Widget, double StartMs, double EndMs, int Status, string? DataVersion, string? Cache = null, DateTimeOffset? CalculatedAt = null);
