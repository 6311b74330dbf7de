namespace WidgetPlatform.FaultSuite.History;

/// <summary>
/// One read of a widget by one reader: when it started and ended (milliseconds on the suite's monotonic clock), the status,
/// and the data version it returned (null unless 200).
/// </summary>
public sealed record ReadRecord(int Reader, string Widget, double StartMs, double EndMs, int Status, string? DataVersion);
